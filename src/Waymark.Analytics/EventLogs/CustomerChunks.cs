namespace Waymark.Analytics.EventLogs;

/// <summary>Splits a log's customers into contiguous chunks of about equal event counts, for parallel passes whose
/// per-chunk results are merged in chunk order, so the outcome does not depend on scheduling.</summary>
internal static class CustomerChunks
{
    public static (int From, int To)[] Of(EventLog log, int eventsPerChunk = 262_144)
    {
        var chunks = new List<(int, int)>();
        var start = 0;
        var customerStart = log.CustomerStartArray;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            if (customerStart[customer + 1] - customerStart[start] >= eventsPerChunk)
            {
                chunks.Add((start, customer + 1));
                start = customer + 1;
            }
        }

        if (start < log.CustomerCount || chunks.Count == 0)
        {
            chunks.Add((start, log.CustomerCount));
        }

        return [.. chunks];
    }
}
