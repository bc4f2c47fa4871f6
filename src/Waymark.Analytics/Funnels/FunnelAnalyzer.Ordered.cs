using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

public static partial class FunnelAnalyzer
{
    /// <summary>Scratch state for ordered and strict funnels, reused across one chunk's customers (no allocation per event).</summary>
    /// <remarks>Slot s holds the chain that most recently reached step s: its step-1 time, whether an exclusion hit it,
    /// and its step times in row s of <c>_times</c>. A chain is identified by its step-1 time, as in PostHog.</remarks>
    private sealed class OrderedState(int steps)
    {
        private readonly bool[] _valid = new bool[steps];
        private readonly bool[] _excluded = new bool[steps];
        private readonly long[] _start = new long[steps];
        private readonly long[] _times = new long[steps * steps];
        private int _bestStep;
        private long _bestStart;
        private bool _bestExcluded;

        /// <returns>The furthest step (0-based), −1 when never entered, −2 when excluded; <paramref name="times"/> gets the chosen chain's step times.</returns>
        public int Run(EventLog log, StepMatcher matcher, int from, int to, long window, bool strict, long[] times)
        {
            Array.Clear(_valid);
            _bestStep = -1;
            var activity = log.ActivityArray;
            var timestamp = log.TimestampArray;
            var single = matcher.Single;
            var last = steps - 1;
            for (var i = from; i < to; i++)
            {
                var code = single[activity[i]];
                if (code == StepMatcher.NoStep)
                {
                    if (strict)
                    {
                        Array.Clear(_valid);
                    }

                    continue;
                }

                if (code >= 0)
                {
                    if (code == 0)
                    {
                        Start(timestamp[i], times);
                    }
                    else
                    {
                        Advance(code, timestamp[i], window, times);
                    }

                    if (strict)
                    {
                        for (var step = 0; step < steps; step++)
                        {
                            _valid[step] &= step == code;
                        }
                    }

                    if (_bestStep == last && !matcher.HasAnyExclusion)
                    {
                        break;
                    }

                    continue;
                }

                var stepsMatched = matcher.Steps(activity[i]);
                var exclusions = matcher.Exclusions(activity[i]);
                if (stepsMatched.Length == 0 && exclusions.Length == 0)
                {
                    if (strict)
                    {
                        Array.Clear(_valid);
                    }

                    continue;
                }

                var time = timestamp[i];
                foreach (var exclusion in exclusions)
                {
                    Exclude(exclusion, time, window);
                }

                foreach (var step in stepsMatched)
                {
                    if (step > 0)
                    {
                        Advance(step, time, window, times);
                    }
                }

                if (stepsMatched.Length > 0 && stepsMatched[^1] == 0)
                {
                    Start(time, times);
                }

                if (strict)
                {
                    for (var step = 0; step < steps; step++)
                    {
                        if (Array.IndexOf(stepsMatched, step) < 0)
                        {
                            _valid[step] = false;
                        }
                    }
                }

                if (_bestStep == last && !matcher.HasAnyExclusion)
                {
                    break;
                }
            }

            return _bestStep < 0 ? -1 : _bestExcluded ? -2 : _bestStep;
        }

        private void Advance(int step, long time, long window, long[] times)
        {
            var previous = step - 1;
            if (!_valid[previous] || time - _start[previous] > window || (_valid[step] && _start[step] == _start[previous]))
            {
                return;
            }

            var source = previous * steps;
            var target = step * steps;
            for (var k = 0; k < step; k++)
            {
                _times[target + k] = _times[source + k];
            }

            _times[target + step] = time;
            _start[step] = _start[previous];
            _excluded[step] = _excluded[previous];
            _valid[step] = true;
            if (step > _bestStep)
            {
                _bestStep = step;
                _bestStart = _start[step];
                _bestExcluded = _excluded[step];
                for (var k = 0; k <= step; k++)
                {
                    times[k] = _times[target + k];
                }
            }
        }

        private void Start(long time, long[] times)
        {
            _valid[0] = true;
            _start[0] = time;
            _excluded[0] = false;
            _times[0] = time;
            if (_bestStep < 0)
            {
                _bestStep = 0;
                _bestStart = time;
                _bestExcluded = false;
                times[0] = time;
            }
        }

        /// <summary>Marks the chains that have reached a step in [from, to) but not yet <c>to</c>, while their window is open.</summary>
        private void Exclude(FunnelExclusion exclusion, long time, long window)
        {
            for (var step = exclusion.FromStep; step < exclusion.ToStep && step < steps; step++)
            {
                var passed = exclusion.ToStep < steps && _valid[exclusion.ToStep] && _start[exclusion.ToStep] == _start[step];
                if (_valid[step] && time - _start[step] <= window && !passed)
                {
                    _excluded[step] = true;
                    if (_bestStep == step && _bestStart == _start[step])
                    {
                        _bestExcluded = true;
                    }
                }
            }
        }
    }
}
