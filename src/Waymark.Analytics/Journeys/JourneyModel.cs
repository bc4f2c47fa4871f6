namespace Waymark.Analytics.Journeys;

/// <summary>A planned journey as the engine sees it: its touchpoints in planned order, each with the filters
/// that say which events count as it.</summary>
/// <param name="Touchpoints">In planned order (stage by stage, left to right); at least one.</param>
/// <param name="Goal">The index of the goal touchpoint: a customer who reaches it completed the journey. Null: the last.</param>
public sealed record JourneyModel(IReadOnlyList<TouchpointModel> Touchpoints, int? Goal = null)
{
    /// <summary>The goal touchpoint's index.</summary>
    public int GoalIndex => Goal ?? (Touchpoints.Count - 1);
}

/// <summary>One touchpoint of a <see cref="JourneyModel"/>.</summary>
/// <param name="Key">A stable name for it in reports (the touchpoint's id).</param>
/// <param name="Name">Its label.</param>
/// <param name="Filters">An event counts as this touchpoint when any filter matches it; may be empty (nothing maps to it).</param>
/// <param name="PlannedMilliseconds">How long the step is planned to take from the previous touchpoint, or null.</param>
public sealed record TouchpointModel(string Key, string Name, IReadOnlyList<EventFilter> Filters, long? PlannedMilliseconds = null);
