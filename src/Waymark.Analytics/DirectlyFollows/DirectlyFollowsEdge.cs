namespace Waymark.Analytics.DirectlyFollows;

/// <summary>One direct succession of activities.</summary>
/// <param name="From">The earlier activity.</param>
/// <param name="To">The activity that directly follows it in the same customer's events.</param>
/// <param name="Count">How many times the succession occurs (occurrences, not distinct customers).</param>
/// <param name="MeanSeconds">The mean time between the two events, in seconds.</param>
/// <param name="MedianSeconds">The median time between the two events, in seconds (mean of the two middle values for an even count).</param>
public sealed record DirectlyFollowsEdge(string From, string To, long Count, double MeanSeconds, double MedianSeconds);
