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
        foreach (var buffer in chunkDurations)
        {
            for (var k = 0; k < stepCount; k++)
            {
                counts[k] += buffer.Reached[k];
            }
        }

        // Each step's durations stay in the chunks' buffers: the statistics read them where they lie.
        var histograms = new FunnelHistogramBin[stepCount][];
        var means = new double?[stepCount];
        var medians = new double?[stepCount];
        Parallel.For(0, stepCount, k =>
        {
            var parts = chunkDurations.Select(buffer => new ReadOnlyMemory<long>(buffer.Values[k], 0, buffer.Counts[k])).ToArray();
            histograms[k] = Histogram(parts);
            if (k > 0 && parts.Any(part => part.Length > 0))
            {
                means[k] = Mean(parts);
                medians[k] = Selection.Median(parts) / 1000.0;
            }
        });

        foreach (var buffer in chunkDurations)
        {
            buffer.Return();
        }

        return new FunnelReport(Results(definition, counts, means, medians), reached, histograms);
    }

    /// <summary>One chunk's durations per step, in pooled arrays sized for every customer of the chunk.</summary>
    private sealed class DurationBuffer(int steps, int customers)
    {
        public long[][] Values { get; } = Enumerable.Range(0, steps).Select(_ => System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(customers, 1))).ToArray();

        public int[] Counts { get; } = new int[steps];

        /// <summary>Customers of the chunk who reached each step or a later one.</summary>
        public long[] Reached { get; } = new long[steps];

        public void Add(int step, long duration) => Values[step][Counts[step]++] = duration;

        /// <summary>Counts a customer whose furthest step is <paramref name="step"/> (negative: none).</summary>
        public void Reach(int step)
        {
            for (var k = 0; k <= step; k++)
            {
                Reached[k]++;
            }
        }

        public void Return()
        {
            foreach (var values in Values)
            {
                System.Buffers.ArrayPool<long>.Shared.Return(values);
            }
        }
    }

    /// <summary>The mean in seconds of durations in milliseconds, summed exactly.</summary>
    private static double Mean(ReadOnlyMemory<long>[] parts)
    {
        long sum = 0;
        long count = 0;
        foreach (var part in parts)
        {
            count += part.Length;
            foreach (var duration in part.Span)
            {
                sum = checked(sum + duration);
            }
        }

        return sum / 1000.0 / count;
    }

    /// <summary>Ten bins of equal width (whole milliseconds) from the shortest duration to the longest.</summary>
    private static FunnelHistogramBin[] Histogram(ReadOnlyMemory<long>[] parts)
    {
        const int bins = 10;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var part in parts)
        {
            foreach (var duration in part.Span)
            {
                min = Math.Min(min, duration);
                max = Math.Max(max, duration);
            }
        }

        if (min > max)
        {
            return [];
        }

        var width = Math.Max(1, (max - min + bins) / bins);
        var reciprocal = 1.0 / width;
        var counts = new long[bins];
        foreach (var part in parts)
        {
            foreach (var duration in part.Span)
            {
                // A multiplication instead of a 64-bit division, corrected where rounding put the value one bin off.
                var offset = duration - min;
                var bin = (long)(offset * reciprocal);
                bin -= bin * width > offset ? 1 : 0;
                bin += (bin + 1) * width <= offset ? 1 : 0;
                counts[Math.Min(bins - 1, (int)bin)]++;
            }
        }

        return Enumerable.Range(0, bins).Select(bin => new FunnelHistogramBin((min + (bin * width)) / 1000.0, (min + ((bin + 1) * width)) / 1000.0, counts[bin])).ToArray();
    }

    private static DurationBuffer RunChunk(EventLog log, FunnelMode mode, StepMatcher matcher, long window, (int From, int To) customers, int[] reached)
    {
        var stepCount = matcher.StepCount;
        var state = new OrderedState(stepCount);
        var times = new long[stepCount];
        var counts = new int[log.Activities.Count];
        var used = new int[log.Activities.Count];
        var durations = new DurationBuffer(stepCount, customers.To - customers.From);
        if (OrderedScan.Applies(mode, matcher))
        {
            OrderedScan.Run(log, matcher, window, customers, reached, durations);
            return durations;
        }

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
