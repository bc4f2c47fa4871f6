namespace Waymark.Analytics.Paths;

/// <summary>What a paths (Sankey) report counts.</summary>
/// <param name="MaxSteps">Positions kept per session, counting the drop-off node; at least 2.</param>
/// <param name="TopPerStep">Targets kept at each step (by value); the rest become <see cref="PathsReport.Other"/>.</param>
public sealed record PathDefinition(int MaxSteps = 5, int TopPerStep = 10)
{
    /// <summary>A gap of at least this long starts a new session; null: a customer's events are one session. Default 30 minutes.</summary>
    public TimeSpan? SessionGap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Collapse consecutive repeats of an event (keep the first of each run).</summary>
    public bool CollapseRepeats { get; init; }

    /// <summary>Sessions start at their first event with this name; sessions without it are left out.</summary>
    public string? StartAt { get; init; }

    /// <summary>Sessions end at their first event with this name (inclusive); sessions without it are left out.</summary>
    public string? EndAt { get; init; }
}
