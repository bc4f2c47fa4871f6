using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Journeys;

/// <summary>Says which touchpoint of a journey each event of a log counts as: the first touchpoint, in planned
/// order, with a filter that matches the event; <see cref="Unmapped"/> when none does.</summary>
/// <remarks>Filters on name and channel only are answered from a table per (activity, channel); only events whose
/// first candidate filter has property conditions are checked one by one against the property columns.</remarks>
internal sealed class EventClassifier
{
    public const int Unmapped = -1;
    private const int Check = -2;
    private readonly EventLog _log;
    private readonly int[] _table;
    private readonly int _stride;
    private readonly Candidate[][] _candidates;

    public EventClassifier(EventLog log, JourneyModel model)
    {
        _log = log;
        _stride = log.Channels.Count + 1;
        _table = new int[Math.Max(1, log.Activities.Count * _stride)];
        _candidates = new Candidate[log.Activities.Count][];
        var activityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var activity = 0; activity < log.Activities.Count; activity++)
        {
            activityIndex.TryAdd(log.Activities[activity], activity);
        }

        var byActivity = Enumerable.Range(0, log.Activities.Count).Select(_ => new List<Candidate>()).ToArray();
        for (var touchpoint = 0; touchpoint < model.Touchpoints.Count; touchpoint++)
        {
            foreach (var filter in model.Touchpoints[touchpoint].Filters)
            {
                if (activityIndex.TryGetValue(filter.Activity, out var activity))
                {
                    var columns = filter.Conditions.Select(condition => log.EventProperties.GetValueOrDefault(condition.Property)).ToArray();
                    var channel = filter.Channel is null ? -1 : IndexOf(log.Channels, filter.Channel);
                    byActivity[activity].Add(new Candidate(touchpoint, filter.Channel is null, channel, filter.Conditions, columns));
                }
            }
        }

        for (var activity = 0; activity < log.Activities.Count; activity++)
        {
            _candidates[activity] = [.. byActivity[activity]];
            for (var channel = -1; channel < log.Channels.Count; channel++)
            {
                var first = Array.Find(_candidates[activity], candidate => candidate.AnyChannel || (channel >= 0 && candidate.Channel == channel));
                _table[(activity * _stride) + channel + 1] = first is null ? Unmapped : first.Conditions.Count == 0 ? first.Touchpoint : Check;
            }
        }
    }

    /// <summary>The touchpoint of the event at log position <paramref name="position"/>, or <see cref="Unmapped"/>.</summary>
    public int Classify(int position) => Classify(position, _log.ActivityArray[position], _log.ChannelArray[position]);

    /// <summary>As <see cref="Classify(int)"/>, for a caller that has read the event's activity and channel.</summary>
    public int Classify(int position, int activity, int channel)
    {
        var touchpoint = _table[(activity * _stride) + channel + 1];
        return touchpoint != Check ? touchpoint : Evaluate(activity, channel, position);
    }

    private int Evaluate(int activity, int channel, int position)
    {
        foreach (var candidate in _candidates[activity])
        {
            if (!candidate.AnyChannel && (channel < 0 || candidate.Channel != channel))
            {
                continue;
            }

            var holds = true;
            for (var c = 0; c < candidate.Conditions.Count && holds; c++)
            {
                holds = candidate.Conditions[c].Holds(candidate.Columns[c]?.ValueAt(position));
            }

            if (holds)
            {
                return candidate.Touchpoint;
            }
        }

        return Unmapped;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -2;
    }

    /// <summary>One filter that names an activity: its touchpoint, its channel (−2 when the log never has it).</summary>
    private sealed record Candidate(int Touchpoint, bool AnyChannel, int Channel, IReadOnlyList<PropertyFilter> Conditions, EventPropertyColumn?[] Columns);
}
