using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.Funnels;

/// <summary>Computes funnels with PostHog's semantics.</summary>
/// <remarks>
/// Per customer, events are taken in log order (timestamp, ties in source order). A chain starts at any event
/// matching step 1; an event matching step k advances a chain that has reached step k − 1 if it lies within the
/// window measured from that chain's step-1 event (boundary inclusive); one event advances a chain by at most one
/// step; a new step-1 event starts a new chain without erasing older progress. The customer counts at the furthest
/// step any chain reached, with that chain's timings, taking the chain that reached it first. In strict mode any
/// event that does not match a step breaks every chain waiting for it. Counts are cumulative. Times to convert are
/// whole milliseconds, zero durations included; the mean is exact, the median exact (mean of the two middle values
/// for an even count). Customers are processed in parallel chunks merged in order: results do not depend on cores.
/// </remarks>
public static partial class FunnelAnalyzer
{
    /// <summary>Runs the funnel over the whole log.</summary>
    public static FunnelReport Analyze(EventLog log, FunnelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Steps.Count == 0 || definition.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException("A funnel needs at least one step and a positive window.", nameof(definition));
        }

        if (definition.Mode == FunnelMode.Any && definition.Exclusions.Count > 0)
        {
            throw new ArgumentException("Exclusions are not supported in any-order funnels (as in PostHog).", nameof(definition));
        }

        var stepCount = definition.Steps.Count;
        var reached = new int[log.CustomerCount];
        var matcher = new StepMatcher(log, definition);
        var window = (long)definition.Window.TotalMilliseconds;
        var chunks = log.Chunks;
        var chunkDurations = new DurationBuffer[chunks.Length];
        Parallel.For(0, chunks.Length, chunk => chunkDurations[chunk] = RunChunk(log, definition.Mode, matcher, window, chunks[chunk], reached));

        var counts = new long[stepCount];
        var total = new DurationTotals(stepCount);
        foreach (var buffer in chunkDurations)
        {
            for (var k = 0; k < stepCount; k++)
            {
                counts[k] += buffer.ReachedAtLeast(k);
                total.Add(k, buffer);
            }
        }

        // Each step's durations stay in the chunks' buffers: the statistics read them where they lie, and each step's
        // median and histogram come from the same two passes of a radix selection, one task per step.
        var histograms = new FunnelHistogramBin[stepCount][];
        var medians = new double?[stepCount];
        Parallel.For(0, stepCount, k =>
        {
            if (total.Count[k] == 0)
            {
                histograms[k] = [];
                return;
            }

            var parts = chunkDurations.Select(buffer => buffer.Part(k)).ToArray();
            var width = BinWidth(total.Min[k], total.Max[k]);
            var edges = Enumerable.Range(1, Bins - 1).Select(bin => total.Min[k] + (bin * width)).ToArray();
            var (middle, below) = Selection.AtRanks(parts, total.Count[k], total.Min[k], total.Max[k], [(total.Count[k] - 1) / 2, total.Count[k] / 2], edges);
            medians[k] = (middle[0] + (double)middle[1]) / 2 / 1000.0;
            histograms[k] = Histogram(total.Min[k], width, total.Count[k], below);
        });

        foreach (var buffer in chunkDurations)
        {
            buffer.Return();
        }

        var means = Enumerable.Range(0, stepCount).Select(k => k > 0 && total.Count[k] > 0 ? total.Sum[k] / 1000.0 / total.Count[k] : (double?)null).ToArray();
        return new FunnelReport(Results(definition, counts, means, medians), reached, histograms);
    }

    /// <summary>One chunk's durations per step, in pooled arrays sized for every customer of the chunk, with their
    /// count, sum, minimum and maximum kept as they are added.</summary>
    private sealed class DurationBuffer(int steps, int customers)
    {
        /// <summary>Customers by furthest step, at index step + 2 (−2 excluded, −1 never entered).</summary>
        private readonly long[] _furthest = new long[steps + 2];

        /// <summary>Room for one duration per customer and step: step k's durations start at k × <see cref="Capacity"/>.</summary>
        public long[] Values { get; } = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(customers, 1) * steps);

        public int Capacity { get; } = Math.Max(customers, 1);

        public ReadOnlyMemory<long> Part(int step) => Values.AsMemory(step * Capacity, Counts[step]);

        public int[] Counts { get; } = new int[steps];

        public long[] Sum { get; } = new long[steps];

        public long[] Min { get; } = Enumerable.Repeat(long.MaxValue, steps).ToArray();

        public long[] Max { get; } = Enumerable.Repeat(long.MinValue, steps).ToArray();

        public void Add(int step, long duration)
        {
            Values[(step * Capacity) + Counts[step]++] = duration;
            Sum[step] = checked(Sum[step] + duration);
            Min[step] = Math.Min(Min[step], duration);
            Max[step] = Math.Max(Max[step], duration);
        }

        /// <summary>Takes the tallies of a scan that wrote into <see cref="Values"/> itself; <paramref name="furthest"/>
        /// counts customers by furthest step + 1 (0: never entered).</summary>
        public void Absorb(ReadOnlySpan<int> counts, ReadOnlySpan<long> sum, ReadOnlySpan<long> min, ReadOnlySpan<long> max, ReadOnlySpan<long> furthest)
        {
            counts.CopyTo(Counts);
            sum.CopyTo(Sum);
            min.CopyTo(Min);
            max.CopyTo(Max);
            furthest.CopyTo(_furthest.AsSpan(1));
        }

        /// <summary>Counts a customer whose furthest step is <paramref name="step"/> (−1: none, −2: excluded).</summary>
        public void Reach(int step) => _furthest[step + 2]++;

        /// <summary>Customers of the chunk who reached <paramref name="step"/> or a later one.</summary>
        public long ReachedAtLeast(int step)
        {
            long reached = 0;
            for (var furthest = step + 2; furthest < _furthest.Length; furthest++)
            {
                reached += _furthest[furthest];
            }

            return reached;
        }

        public void Return() => System.Buffers.ArrayPool<long>.Shared.Return(Values);
    }

    /// <summary>Count, sum, minimum and maximum per step over every chunk.</summary>
    private sealed class DurationTotals(int steps)
    {
        public long[] Count { get; } = new long[steps];

        public long[] Sum { get; } = new long[steps];

        public long[] Min { get; } = Enumerable.Repeat(long.MaxValue, steps).ToArray();

        public long[] Max { get; } = Enumerable.Repeat(long.MinValue, steps).ToArray();

        public void Add(int step, DurationBuffer buffer)
        {
            Count[step] += buffer.Counts[step];
            Sum[step] = checked(Sum[step] + buffer.Sum[step]);
            Min[step] = Math.Min(Min[step], buffer.Min[step]);
            Max[step] = Math.Max(Max[step], buffer.Max[step]);
        }
    }

    /// <summary>The number of bins of a step's histogram.</summary>
    private const int Bins = 10;

    /// <summary>The width of each bin, in whole milliseconds, so that <see cref="Bins"/> bins from the shortest
    /// duration cover the longest.</summary>
    private static long BinWidth(long min, long max) => Math.Max(1, (max - min + Bins) / Bins);

    /// <summary>Ten bins of equal width (whole milliseconds) from the shortest duration to the longest, from how many
    /// durations lie below each inner edge.</summary>
    private static FunnelHistogramBin[] Histogram(long min, long width, long count, long[] belowEdges)
    {
        var below = belowEdges.Prepend(0).Append(count).ToArray();
        return Enumerable.Range(0, Bins).Select(bin => new FunnelHistogramBin((min + (bin * width)) / 1000.0, (min + ((bin + 1) * width)) / 1000.0, below[bin + 1] - below[bin])).ToArray();
    }

    private static DurationBuffer RunChunk(EventLog log, FunnelMode mode, StepMatcher matcher, long window, (int From, int To) customers, int[] reached)
    {
        var stepCount = matcher.StepCount;
        var durations = new DurationBuffer(stepCount, customers.To - customers.From);
        if (OrderedScan.Applies(mode, matcher))
        {
            OrderedScan.Run(log, matcher, window, customers, reached, durations);
            return durations;
        }

        var state = new OrderedState(stepCount);
        var times = new long[stepCount];
        var counts = new int[log.Activities.Count];
        var used = new int[log.Activities.Count];

        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            var step = mode == FunnelMode.Any
                ? AnyOrder(log, matcher, from, to, window, times, counts, used)
                : state.Run(log, matcher, from, to, window, mode == FunnelMode.Strict, times);
            reached[customer] = step;
            for (var k = 1; k <= step; k++)
            {
                durations.Add(k, times[k] - times[k - 1]);
            }

            durations.Reach(step);
        }

        return durations;
    }

    private static List<FunnelStepResult> Results(FunnelDefinition definition, long[] counts, double?[] means, double?[] medians)
    {
        var results = new List<FunnelStepResult>(counts.Length);
        for (var k = 0; k < counts.Length; k++)
        {
            results.Add(new FunnelStepResult(
                definition.Steps[k],
                counts[k],
                counts[0] == 0 ? null : (double)counts[k] / counts[0],
                k == 0 || counts[k - 1] == 0 ? null : (double)counts[k] / counts[k - 1],
                k == 0 ? null : counts[k - 1] - counts[k],
                means[k],
                medians[k]));
        }

        return results;
    }
}
