using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.DirectlyFollows;

/// <summary>Computes the directly-follows graph of an event log.</summary>
/// <remarks>Within each customer, events are taken in the log's order (timestamp, ties in source order) and every
/// pair of consecutive events counts once for (earlier activity, later activity) — PM4Py's frequency DFG. The counts
/// sum to events − customers. Durations are the later event's timestamp minus the earlier one's.</remarks>
public static class DirectlyFollowsAnalyzer
{
    /// <summary>Analyzes the whole log.</summary>
    public static DirectlyFollowsReport Analyze(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var activityCount = log.Activities.Count;
        var counts = new long[activityCount * activityCount];
        var starts = new long[activityCount];
        var ends = new long[activityCount];
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        var durations = new Dictionary<int, List<double>>();
        long cases = 0;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            if (from == to)
            {
                continue;
            }

            cases++;
            starts[activity[from]]++;
            ends[activity[to - 1]]++;
            for (var i = from + 1; i < to; i++)
            {
                var pair = (activity[i - 1] * activityCount) + activity[i];
                counts[pair]++;
                if (!durations.TryGetValue(pair, out var list))
                {
                    durations[pair] = list = [];
                }

                list.Add((timestamp[i] - timestamp[i - 1]) / 1000.0);
            }
        }

        var edges = new List<DirectlyFollowsEdge>(durations.Count);
        foreach (var (pair, list) in durations)
        {
            edges.Add(new DirectlyFollowsEdge(log.Activities[pair / activityCount], log.Activities[pair % activityCount], counts[pair], list.Average(), Median.Of(list)!.Value));
        }

        edges.Sort((left, right) =>
        {
            var byCount = right.Count.CompareTo(left.Count);
            if (byCount != 0)
            {
                return byCount;
            }

            var byFrom = string.CompareOrdinal(left.From, right.From);
            return byFrom != 0 ? byFrom : string.CompareOrdinal(left.To, right.To);
        });

        return new DirectlyFollowsReport(cases, log.EventCount, log.Activities.Count, ByName(log, starts), ByName(log, ends), edges);
    }

    private static Dictionary<string, long> ByName(EventLog log, long[] counts)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                result[log.Activities[i]] = counts[i];
            }
        }

        return result;
    }
}
