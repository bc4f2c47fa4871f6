namespace Waymark.Analytics.DirectlyFollows;

/// <summary>A directly-follows graph, as PM4Py computes it.</summary>
/// <param name="Cases">Customers (cases) with at least one event.</param>
/// <param name="Events">Events.</param>
/// <param name="Activities">Distinct activities.</param>
/// <param name="Start">For each activity, how many customers' first event it is.</param>
/// <param name="End">For each activity, how many customers' last event it is.</param>
/// <param name="Edges">Every direct succession, by count descending, then from and to (ordinal).</param>
public sealed record DirectlyFollowsReport(
    long Cases, long Events, int Activities, IReadOnlyDictionary<string, long> Start, IReadOnlyDictionary<string, long> End, IReadOnlyList<DirectlyFollowsEdge> Edges);
