namespace Waymark.Analytics.Funnels;

/// <summary>One bin of a time-to-convert histogram.</summary>
/// <param name="FromSeconds">The bin's lower bound, inclusive.</param>
/// <param name="ToSeconds">The bin's upper bound: exclusive, except for the last bin, which includes it.</param>
/// <param name="Count">Customers whose time from the previous step falls in the bin.</param>
public sealed record FunnelHistogramBin(double FromSeconds, double ToSeconds, long Count);
