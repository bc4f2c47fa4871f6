using System.Numerics;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.DirectlyFollows;

/// <summary>Computes the directly-follows graph of an event log.</summary>
/// <remarks>Within each customer, events are taken in the log's order (timestamp, ties in source order) and every
/// pair of consecutive events counts once for (earlier activity, later activity) — PM4Py's frequency DFG. The counts
/// sum to events − customers. Durations are the later event's timestamp minus the earlier one's, in whole
/// milliseconds; the mean is exact (a 64-bit sum), the median exact (selection, not sampling). Work is split over
/// customer chunks that are merged in order, so results do not depend on the number of cores.</remarks>
public static class DirectlyFollowsAnalyzer
{
    /// <summary>Above this many activities, pairs are numbered sparsely (only those that occur).</summary>
    private const int DenseActivityLimit = 1024;

    /// <summary>Analyzes the whole log.</summary>
    public static DirectlyFollowsReport Analyze(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Activities.Count <= DenseActivityLimit ? Analyze(log, new DensePairs(log.Activities.Count)) : Analyze(log, new SparsePairs(log));
    }

    /// <summary>Only the succession counts — PM4Py's frequency DFG, what a database's directly-follows query
    /// computes — ordered like <see cref="Analyze(EventLog)"/>'s edges: by count, most first, then by names.</summary>
    /// <remarks>Skips the durations pass, which is most of the work of the full graph.</remarks>
    public static IReadOnlyList<DirectlyFollowsCount> CountEdges(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Activities.Count <= DenseActivityLimit ? CountEdges(log, new DensePairs(log.Activities.Count)) : CountEdges(log, new SparsePairs(log));
    }

    private static List<DirectlyFollowsCount> CountEdges<TPairs>(EventLog log, TPairs index)
        where TPairs : IPairIndex
    {
        var chunks = log.Chunks;
        var chunkCounts = new int[chunks.Length][];
        Parallel.For(0, chunks.Length, chunk => chunkCounts[chunk] = CountPairs(log, index, chunks[chunk], index.Count));
        var edges = new List<DirectlyFollowsCount>();
        for (var pair = 0; pair < index.Count; pair++)
        {
            long total = 0;
            foreach (var counts in chunkCounts)
            {
                total += counts[pair];
            }

            if (total > 0)
            {
                var (from, to) = index.Pair(pair);
                edges.Add(new DirectlyFollowsCount(log.Activities[from], log.Activities[to], total));
            }
        }

        edges.Sort((left, right) => Order(left.Count, left.From, left.To, right.Count, right.From, right.To));
        return edges;
    }

    private static int Order(long leftCount, string leftFrom, string leftTo, long rightCount, string rightFrom, string rightTo)
    {
        var byCount = rightCount.CompareTo(leftCount);
        if (byCount != 0)
        {
            return byCount;
        }

        var byFrom = string.CompareOrdinal(leftFrom, rightFrom);
        return byFrom != 0 ? byFrom : string.CompareOrdinal(leftTo, rightTo);
    }

    private static DirectlyFollowsReport Analyze<TPairs>(EventLog log, TPairs index)
        where TPairs : IPairIndex
    {
        var activityCount = log.Activities.Count;
        var pairs = index.Count;
        var chunks = log.Chunks;
        var chunkCounts = new int[chunks.Length][];

        // Pass 1: pair counts per chunk, and each chunk's first and last activities while its events are in cache.
        var chunkBoundaries = new (long[] Starts, long[] Ends, long Cases)[chunks.Length];
        Parallel.For(0, chunks.Length, chunk =>
        {
            chunkCounts[chunk] = CountPairs(log, index, chunks[chunk], pairs);
            chunkBoundaries[chunk] = Boundaries(log, chunks[chunk]);
        });

        // Offsets: each pair owns one segment of the durations array; each chunk a slice of every segment.
        var totals = new long[pairs];
        var chunkOffsets = new int[chunks.Length][];
        var segmentStart = new int[pairs + 1];
        for (var pair = 0; pair < pairs; pair++)
        {
            foreach (var counts in chunkCounts)
            {
                totals[pair] += counts[pair];
            }

            segmentStart[pair + 1] = checked(segmentStart[pair] + (int)totals[pair]);
        }

        var running = (int[])segmentStart.Clone();
        for (var chunk = 0; chunk < chunks.Length; chunk++)
        {
            chunkOffsets[chunk] = new int[pairs];
            for (var pair = 0; pair < pairs; pair++)
            {
                chunkOffsets[chunk][pair] = running[pair];
                running[pair] += chunkCounts[chunk][pair];
            }
        }

        // Pass 2: scatter durations into their segments.
        // Rented: a fresh array of this size (72 MB at 10M events) would cost a full collection on most runs.
        var durations = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(1, segmentStart[pairs]));
        Parallel.For(0, chunks.Length, chunk => ScatterDurations(log, index, chunks[chunk], chunkOffsets[chunk], durations));

        var present = Enumerable.Range(0, pairs).Where(pair => totals[pair] > 0).ToArray();
        var edges = new DirectlyFollowsEdge[present.Length];
        Parallel.For(0, present.Length, position =>
        {
            var pair = present[position];
            var segment = durations.AsMemory(segmentStart[pair], (int)totals[pair]);
            var (sum, min, max) = Totals.Of(segment.Span);

            var (from, to) = index.Pair(pair);
            edges[position] = new DirectlyFollowsEdge(log.Activities[from], log.Activities[to], totals[pair],
                sum / 1000.0 / segment.Length, Selection.Median([segment], segment.Length, min, max) / 1000.0);
        });

        System.Buffers.ArrayPool<long>.Shared.Return(durations);
        Array.Sort(edges, (left, right) => Order(left.Count, left.From, left.To, right.Count, right.From, right.To));

        var (starts, ends, cases) = (new long[activityCount], new long[activityCount], 0L);
        foreach (var chunk in chunkBoundaries)
        {
            for (var activity = 0; activity < activityCount; activity++)
            {
                starts[activity] += chunk.Starts[activity];
                ends[activity] += chunk.Ends[activity];
            }

            cases += chunk.Cases;
        }

        return new DirectlyFollowsReport(cases, log.EventCount, activityCount, ByName(log, starts), ByName(log, ends), edges);
    }

    private static int[] CountPairs<TPairs>(EventLog log, TPairs index, (int From, int To) customers, int pairs)
        where TPairs : IPairIndex =>
        log.ActivityBytes is { } bytes ? CountPairs<TPairs, byte>(log, bytes, index, customers, pairs) : CountPairs<TPairs, int>(log, log.ActivityArray, index, customers, pairs);

    /// <summary>Counts one chunk's pairs, reading activities held in one byte or four each.</summary>
    private static int[] CountPairs<TPairs, TActivity>(EventLog log, ReadOnlySpan<TActivity> activity, TPairs index, (int From, int To) customers, int pairs)
        where TPairs : IPairIndex
        where TActivity : unmanaged, IBinaryInteger<TActivity>
    {
        var counts = new int[pairs];
        var customerStart = log.CustomerStartArray;
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var end = customerStart[customer + 1];
            for (var i = customerStart[customer] + 1; i < end; i++)
            {
                counts[index.Of(int.CreateTruncating(activity[i - 1]), int.CreateTruncating(activity[i]))]++;
            }
        }

        return counts;
    }

    private static void ScatterDurations<TPairs>(EventLog log, TPairs index, (int From, int To) customers, int[] next, long[] durations)
        where TPairs : IPairIndex
    {
        if (log.ActivityBytes is { } bytes)
        {
            ScatterDurations<TPairs, byte>(log, bytes, index, customers, next, durations);
        }
        else
        {
            ScatterDurations<TPairs, int>(log, log.ActivityArray, index, customers, next, durations);
        }
    }

    /// <summary>Writes one chunk's durations into their pairs' segments, reading activities held in one byte or four each.</summary>
    private static void ScatterDurations<TPairs, TActivity>(EventLog log, ReadOnlySpan<TActivity> activity, TPairs index, (int From, int To) customers, int[] next, long[] durations)
        where TPairs : IPairIndex
        where TActivity : unmanaged, IBinaryInteger<TActivity>
    {
        var timestamp = log.TimestampArray;
        var customerStart = log.CustomerStartArray;
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var end = customerStart[customer + 1];
            for (var i = customerStart[customer] + 1; i < end; i++)
            {
                durations[next[index.Of(int.CreateTruncating(activity[i - 1]), int.CreateTruncating(activity[i]))]++] = timestamp[i] - timestamp[i - 1];
            }
        }
    }

    /// <summary>One chunk's start and end activity counts and its customers with events.</summary>
    private static (long[] Starts, long[] Ends, long Cases) Boundaries(EventLog log, (int From, int To) customers) =>
        log.ActivityBytes is { } bytes ? Boundaries<byte>(log, bytes, customers) : Boundaries<int>(log, log.ActivityArray, customers);

    private static (long[] Starts, long[] Ends, long Cases) Boundaries<TActivity>(EventLog log, ReadOnlySpan<TActivity> activity, (int From, int To) customers)
        where TActivity : unmanaged, IBinaryInteger<TActivity>
    {
        var starts = new long[log.Activities.Count];
        var ends = new long[log.Activities.Count];
        long cases = 0;
        var customerStart = log.CustomerStartArray;
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var from = customerStart[customer];
            var to = customerStart[customer + 1];
            if (from < to)
            {
                cases++;
                starts[int.CreateTruncating(activity[from])]++;
                ends[int.CreateTruncating(activity[to - 1])]++;
            }
        }

        return (starts, ends, cases);
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
