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
        StepActivities = definition.Steps.Select(log.ActivityIndex).ToArray();
    }

    public int StepCount { get; }

    public bool HasAnyExclusion { get; }

    /// <summary>The activity index of each step, −1 when no event has it.</summary>
    public int[] StepActivities { get; }

    /// <summary>The steps the activity matches, highest first.</summary>
    public int[] Steps(int activity) => activity < _steps.Length ? _steps[activity] : None;

    public FunnelExclusion[] Exclusions(int activity) => _exclusions[activity];
}
