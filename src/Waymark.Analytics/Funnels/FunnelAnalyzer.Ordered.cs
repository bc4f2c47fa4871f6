using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

public static partial class FunnelAnalyzer
{
    /// <summary>One chain's progress: the step-1 time and the time of each step reached.</summary>
    private sealed class Chain(long[] times, int reached, bool excluded)
    {
        public long[] Times { get; } = times;

        public int Reached { get; } = reached;

        public long Start => Times[0];

        public bool Excluded { get; set; } = excluded;

        public Chain Advance(long time)
        {
            var next = new long[Times.Length];
            Array.Copy(Times, next, Reached + 1);
            next[Reached + 1] = time;
            return new Chain(next, Reached + 1, Excluded);
        }
    }

    /// <returns>The furthest step (0-based), −1 when never entered, −2 when excluded; <paramref name="times"/> holds the chosen chain's step times.</returns>
    private static int Ordered(EventLog log, StepMatcher matcher, int from, int to, long window, bool strict, long[] times)
    {
        var entered = new Chain?[matcher.StepCount];
        Chain? best = null;
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        for (var i = from; i < to; i++)
        {
            var time = timestamp[i];
            foreach (var exclusion in matcher.Exclusions(activity[i]))
            {
                Exclude(entered, exclusion, time, window);
            }

            var steps = matcher.Steps(activity[i]);
            foreach (var step in steps)
            {
                if (step == 0)
                {
                    continue;
                }

                var previous = entered[step - 1];
                if (previous is null || time - previous.Start > window || (entered[step] is { } current && current.Start == previous.Start))
                {
                    continue;
                }

                entered[step] = previous.Advance(time);
                if (best is null || step > best.Reached)
                {
                    best = entered[step];
                }
            }

            if (steps.Length > 0 && steps[^1] == 0)
            {
                var started = new long[matcher.StepCount];
                started[0] = time;
                entered[0] = new Chain(started, 0, excluded: false);
                best ??= entered[0];
            }

            if (strict)
            {
                for (var step = 0; step < entered.Length; step++)
                {
                    if (Array.IndexOf(steps, step) < 0)
                    {
                        entered[step] = null;
                    }
                }
            }

            if (!matcher.HasAnyExclusion && best is not null && best.Reached == matcher.StepCount - 1)
            {
                break;
            }
        }

        if (best is null)
        {
            return -1;
        }

        if (best.Excluded)
        {
            return -2;
        }

        Array.Copy(best.Times, times, best.Reached + 1);
        return best.Reached;
    }

    /// <summary>Marks the chains that have reached a step in [from, to) but not yet <c>to</c>, and whose window is still open.</summary>
    private static void Exclude(Chain?[] entered, FunnelExclusion exclusion, long time, long window)
    {
        for (var step = exclusion.FromStep; step < exclusion.ToStep && step < entered.Length; step++)
        {
            if (entered[step] is { } chain && time - chain.Start <= window && !(exclusion.ToStep < entered.Length && entered[exclusion.ToStep] is { } passed && passed.Start == chain.Start))
            {
                chain.Excluded = true;
            }
        }
    }
}
