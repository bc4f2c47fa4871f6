using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Funnels;

/// <summary>For each activity of a log: the funnel steps it matches (highest first) and the exclusions it triggers.</summary>
internal sealed class StepMatcher
{
    private static readonly int[] None = [];
    private readonly int[][] _steps;
    private readonly FunnelExclusion[][] _exclusions;

    public StepMatcher(EventLog log, FunnelDefinition definition)
    {
        _steps = new int[log.Activities.Count][];
        _exclusions = new FunnelExclusion[log.Activities.Count][];
        for (var activity = 0; activity < log.Activities.Count; activity++)
        {
            var name = log.Activities[activity];
            _steps[activity] = Enumerable.Range(0, definition.Steps.Count).Where(step => string.Equals(definition.Steps[step], name, StringComparison.Ordinal)).Reverse().ToArray();
            _exclusions[activity] = definition.Exclusions.Where(exclusion => string.Equals(exclusion.Activity, name, StringComparison.Ordinal)).ToArray();
        }

        StepCount = definition.Steps.Count;
        HasAnyExclusion = definition.Exclusions.Count > 0;
        Single = new int[log.Activities.Count];
        Need = new int[log.Activities.Count];
        for (var activity = 0; activity < log.Activities.Count; activity++)
        {
            Need[activity] = _steps[activity].Length;
            Single[activity] = _exclusions[activity].Length > 0 ? Complex : _steps[activity].Length switch { 0 => NoStep, 1 => _steps[activity][0], _ => Complex };
        }
        StepActivities = definition.Steps.Select(log.ActivityIndex).ToArray();
    }

    /// <summary>In <see cref="Single"/>: the activity matches no step and triggers no exclusion.</summary>
    public const int NoStep = -1;

    /// <summary>In <see cref="Single"/>: the activity matches several steps or triggers an exclusion.</summary>
    public const int Complex = -2;

    public int StepCount { get; }

    /// <summary>Per activity: the one step it matches, <see cref="NoStep"/> or <see cref="Complex"/> (the fast path's switch).</summary>
    public int[] Single { get; }

    /// <summary>Per activity: how many steps it matches (the any-order mode's need).</summary>
    public int[] Need { get; }

    public bool HasAnyExclusion { get; }

    /// <summary>The activity index of each step, −1 when no event has it.</summary>
    public int[] StepActivities { get; }

    /// <summary>The steps the activity matches, highest first.</summary>
    public int[] Steps(int activity) => activity < _steps.Length ? _steps[activity] : None;

    public FunnelExclusion[] Exclusions(int activity) => _exclusions[activity];
}
