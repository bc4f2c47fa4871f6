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
/// event that does not match a step breaks every chain waiting for it. Counts are cumulative.
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

        var stepCount = definition.Steps.Count;
        var reached = new int[log.CustomerCount];
        var durations = Enumerable.Range(0, stepCount).Select(_ => new List<double>()).ToArray();
        var matcher = new StepMatcher(log, definition);
        var windowMilliseconds = (long)definition.Window.TotalMilliseconds;
        var times = new long[stepCount];
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            var step = definition.Mode == FunnelMode.Any
                ? AnyOrder(log, matcher, from, to, windowMilliseconds, times)
                : Ordered(log, matcher, from, to, windowMilliseconds, definition.Mode == FunnelMode.Strict, times);
            reached[customer] = step;
            for (var k = 1; k <= step; k++)
            {
                durations[k].Add((times[k] - times[k - 1]) / 1000.0);
            }
        }

        return new FunnelReport(Results(definition, reached, durations), reached, durations);
    }

    private static List<FunnelStepResult> Results(FunnelDefinition definition, int[] reached, List<double>[] durations)
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
            var mean = k > 0 && durations[k].Count > 0 ? durations[k].Average() : (double?)null;
            var median = k > 0 ? Median.Of([.. durations[k]]) : null;
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
