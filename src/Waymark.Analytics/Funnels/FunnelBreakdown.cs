using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

/// <summary>A funnel split by a customer property, or by an event property of the customer's first event (first
/// touch): counts per value, the most frequent values first.</summary>
public static class FunnelBreakdown
{
    /// <summary>The value for customers without the property.</summary>
    public const string None = "(none)";

    /// <summary>The value that holds all values beyond the top ones.</summary>
    public const string Other = "Other";

    /// <summary>The breakdown property that means the channel of the customer's first event (first touch).</summary>
    public const string FirstTouchChannel = "event:channel";

    /// <summary>The prefix of a breakdown by an event property of the customer's first event: <c>event:NAME</c>.</summary>
    public const string EventPrefix = "event:";

    /// <summary>Cumulative step counts per value of customer property <paramref name="property"/> (or, for
    /// <see cref="FirstTouchChannel"/>, the channel of the customer's first event; for <c>event:NAME</c>, event property
    /// NAME of the customer's first event, when the log has it), for the <paramref name="top"/>
    /// values with the most customers entering the funnel (ties by value, ordinal); the other values are added up as
    /// <see cref="Other"/>. Each row's conversion is compared with all other entering customers by a two-proportion
    /// z-test. Excluded customers count nowhere.</summary>
    public static IReadOnlyList<FunnelBreakdownRow> By(EventLog log, FunnelReport report, string property, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(report);
        var steps = report.Steps.Count;
        var byValue = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var eventColumn = property.StartsWith(EventPrefix, StringComparison.Ordinal) && property != FirstTouchChannel
            && log.EventProperties.TryGetValue(property[EventPrefix.Length..], out var column) ? column : null;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var reached = report.CustomerSteps[customer];
            if (reached < 0)
            {
                continue;
            }

            var value = property == FirstTouchChannel
                ? FirstChannel(log, customer) ?? None
                : eventColumn is not null
                    ? FirstValue(log, eventColumn, customer) ?? None
                    : log.CustomerProperties[customer] is { } properties && properties.TryGetValue(property, out var found) ? found : None;
            if (!byValue.TryGetValue(value, out var counts))
            {
                byValue[value] = counts = new long[steps];
            }

            for (var k = 0; k <= reached; k++)
            {
                counts[k]++;
            }
        }

        var ordered = byValue.OrderByDescending(pair => pair.Value[0]).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        var rows = ordered.Take(top).Select(pair => (pair.Key, pair.Value)).ToList();
        if (ordered.Count > top)
        {
            var other = new long[steps];
            foreach (var (_, counts) in ordered.Skip(top))
            {
                for (var k = 0; k < steps; k++)
                {
                    other[k] += counts[k];
                }
            }

            rows.Add((Other, other));
        }

        var entered = rows.Sum(row => row.Value[0]);
        var converted = rows.Sum(row => row.Value[^1]);
        return rows.Select(row =>
        {
            var test = Segments.ProportionTest.Of(row.Value[^1], row.Value[0], converted - row.Value[^1], entered - row.Value[0]);
            return new FunnelBreakdownRow(row.Key, row.Value, test.RateA, test.Z, test.PValue);
        }).ToList();
    }

    private static string? FirstValue(EventLog log, EventPropertyColumn column, int customer)
    {
        var first = log.CustomerStartArray[customer];
        return first < log.CustomerStartArray[customer + 1] ? column.ValueAt(first) : null;
    }

    private static string? FirstChannel(EventLog log, int customer)
    {
        var first = log.CustomerStartArray[customer];
        return first < log.CustomerStartArray[customer + 1] && log.ChannelArray[first] >= 0 ? log.Channels[log.ChannelArray[first]] : null;
    }
}
