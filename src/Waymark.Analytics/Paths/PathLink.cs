namespace Waymark.Analytics.Paths;

/// <summary>One link of the Sankey diagram: how many customer-sessions went from <paramref name="Source"/> at
/// position <paramref name="Step"/> to <paramref name="Target"/> at position Step + 1.</summary>
/// <param name="Step">1-based position of the source.</param>
/// <param name="Source">The source event, <see cref="PathsReport.Other"/> for the folded rest.</param>
/// <param name="Target">The target event, <see cref="PathsReport.DropOff"/> when the session ended, or <see cref="PathsReport.Other"/>.</param>
/// <param name="Value">Customer-sessions making this transition.</param>
public sealed record PathLink(int Step, string Source, string Target, long Value);
