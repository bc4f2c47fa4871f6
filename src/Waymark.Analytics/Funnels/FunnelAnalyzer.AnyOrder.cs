using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

public static partial class FunnelAnalyzer
{
    /// <summary>Any order: the most steps completed by events inside one window (start and end inclusive), any step
    /// first. A step name that repeats needs as many distinct events. Timings come from the first window that reached
    /// the most steps: each step's earliest event in it, sorted by time.</summary>
    private static int AnyOrder(EventLog log, StepMatcher matcher, int from, int to, long window, long[] times)
    {
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        var distinct = matcher.StepActivities.Where(index => index >= 0).Distinct().ToArray();
        var need = distinct.ToDictionary(index => index, index => matcher.StepActivities.Count(step => step == index));
        var inWindow = distinct.ToDictionary(index => index, _ => 0);
        var best = 0;
        var bestStart = -1;
        var bestEnd = -1;
        var left = from;
        for (var right = from; right < to; right++)
        {
            if (!inWindow.TryGetValue(activity[right], out var entering))
            {
                continue;
            }

            inWindow[activity[right]] = entering + 1;
            while (timestamp[right] - timestamp[left] > window)
            {
                if (inWindow.TryGetValue(activity[left], out var leaving))
                {
                    inWindow[activity[left]] = leaving - 1;
                }

                left++;
            }

            var completed = distinct.Sum(index => Math.Min(inWindow[index], need[index]));
            if (completed > best)
            {
                (best, bestStart, bestEnd) = (completed, left, right);
            }
        }

        if (best == 0)
        {
            return -1;
        }

        var taken = new List<long>();
        var used = distinct.ToDictionary(index => index, _ => 0);
        for (var i = bestStart; i <= bestEnd; i++)
        {
            if (used.TryGetValue(activity[i], out var count) && count < need[activity[i]])
            {
                used[activity[i]] = count + 1;
                taken.Add(timestamp[i]);
            }
        }

        taken.Sort();
        for (var k = 0; k < best; k++)
        {
            times[k] = taken[k];
        }

        return best - 1;
    }
}
