using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

public static partial class FunnelAnalyzer
{
    /// <summary>Any order: the most steps completed by events inside one window (start and end inclusive), any step
    /// first. A step name that repeats needs as many distinct events. Timings come from the first window that reached
    /// the most steps: each step's earliest events in it, sorted by time. <paramref name="counts"/> and
    /// <paramref name="used"/> are scratch arrays sized to the log's activities, all zero on entry and on exit.</summary>
    private static int AnyOrder(EventLog log, StepMatcher matcher, int from, int to, long window, long[] times, int[] counts, int[] used)
    {
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        var need = matcher.Need;
        int completed = 0, best = 0, bestStart = -1, bestEnd = -1, left = from;
        for (var right = from; right < to; right++)
        {
            var entering = activity[right];
            if (need[entering] == 0)
            {
                continue;
            }

            if (++counts[entering] <= need[entering])
            {
                completed++;
            }

            while (timestamp[right] - timestamp[left] > window)
            {
                var leaving = activity[left++];
                if (need[leaving] > 0 && counts[leaving]-- <= need[leaving])
                {
                    completed--;
                }
            }

            if (completed > best)
            {
                (best, bestStart, bestEnd) = (completed, left, right);
            }
        }

        for (var i = left; i < to; i++)
        {
            counts[activity[i]] = 0;
        }

        if (best == 0)
        {
            return -1;
        }

        var taken = 0;
        for (var i = bestStart; i <= bestEnd && taken < best; i++)
        {
            var current = activity[i];
            if (used[current] < need[current])
            {
                used[current]++;
                var time = timestamp[i];
                var at = taken++;
                while (at > 0 && times[at - 1] > time)
                {
                    times[at] = times[at - 1];
                    at--;
                }

                times[at] = time;
            }
        }

        for (var i = bestStart; i <= bestEnd; i++)
        {
            used[activity[i]] = 0;
        }

        return best - 1;
    }
}
