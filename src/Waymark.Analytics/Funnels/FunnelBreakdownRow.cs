namespace Waymark.Analytics.Funnels;

/// <summary>One value of a funnel breakdown, compared with every other customer who entered the funnel.</summary>
/// <param name="Value">The property value, <see cref="FunnelBreakdown.None"/> or <see cref="FunnelBreakdown.Other"/>.</param>
/// <param name="Counts">Cumulative counts per step.</param>
/// <param name="Conversion">Last step ÷ first step; null when none entered.</param>
/// <param name="Z">The two-proportion z statistic of this value's conversion against the rest; null when undefined.</param>
/// <param name="PValue">Its two-sided p-value; null when undefined.</param>
public sealed record FunnelBreakdownRow(string Value, IReadOnlyList<long> Counts, double? Conversion, double? Z, double? PValue);
