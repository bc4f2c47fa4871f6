namespace Waymark.Analytics.Funnels;

/// <summary>An event that disqualifies a customer when it occurs between two steps.</summary>
/// <param name="Activity">The excluded activity.</param>
/// <param name="FromStep">0-based step after which the exclusion applies (the chain has reached it).</param>
/// <param name="ToStep">0-based step before which it applies (the chain has not reached it yet); greater than <paramref name="FromStep"/>.</param>
public sealed record FunnelExclusion(string Activity, int FromStep, int ToStep);
