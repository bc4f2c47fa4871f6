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
        var chunks = CustomerChunks.Of(log);
        var chunkDurations = new List<long>[chunks.Length][];
        Parallel.For(0, chunks.Length, chunk => chunkDurations[chunk] = RunChunk(log, definition.Mode, matcher, window, chunks[chunk], reached));

        var merged = new long[stepCount][];
        for (var k = 0; k < stepCount; k++)
        {
            merged[k] = chunkDurations.SelectMany(durations => durations[k]).ToArray();
        }

        return new FunnelReport(Results(definition, reached, merged), reached, merged);
    }

    private static List<long>[] RunChunk(EventLog log, FunnelMode mode, StepMatcher matcher, long window, (int From, int To) customers, int[] reached)
    {
        var stepCount = matcher.StepCount;
        var state = new OrderedState(stepCount);
        var times = new long[stepCount];
        var durations = Enumerable.Range(0, stepCount).Select(_ => new List<long>()).ToArray();
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            var step = mode == FunnelMode.Any
                ? AnyOrder(log, matcher, from, to, window, times)
                : state.Run(log, matcher, from, to, window, mode == FunnelMode.Strict, times);
            reached[customer] = step;
            for (var k = 1; k <= step; k++)
            {
                durations[k].Add(times[k] - times[k - 1]);
            }
        }

        return durations;
    }

    private static List<FunnelStepResult> Results(FunnelDefinition definition, int[] reached, long[][] durations)
    {
        var counts = new long[definition.Steps.Count];
        foreach (var step in reached)
        {
            for (var k = 0; k <= step; k++)
            {
                counts[k] = checked(counts[k] + 1);
            }
        }

        var results = new List<FunnelStepResult>(counts.Length);
        for (var k = 0; k < counts.Length; k++)
        {
            double? mean = null;
            double? median = null;
            if (k > 0 && durations[k].Length > 0)
            {
                long sum = 0;
                foreach (var duration in durations[k])
                {
                    sum = checked(sum + duration);
                }

                mean = sum / 1000.0 / durations[k].Length;
                median = Selection.MedianInPlace((long[])durations[k].Clone()) / 1000.0;
            }

            results.Add(new FunnelStepResult(
                definition.Steps[k],
                counts[k],
                counts[0] == 0 ? null : (double)counts[k] / counts[0],
                k == 0 || counts[k - 1] == 0 ? null : (double)counts[k] / counts[k - 1],
                k == 0 ? null : counts[k - 1] - counts[k],
                mean,
                median));
        }

        return results;
    }
}
