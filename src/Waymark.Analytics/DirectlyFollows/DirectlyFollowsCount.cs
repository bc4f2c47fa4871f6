namespace Waymark.Analytics.DirectlyFollows;

/// <summary>One direct succession of activities and how often it occurs, without timings (PM4Py's frequency DFG).</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The activity that directly follows it in the same customer's events.</param>
/// <param name="Count">How many times the succession occurs.</param>
public sealed record DirectlyFollowsCount(string From, string To, long Count);
