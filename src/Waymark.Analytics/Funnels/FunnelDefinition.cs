namespace Waymark.Analytics.Funnels;

/// <summary>What a funnel counts.</summary>
/// <param name="Steps">The activity each step matches (ordinal); at least one. A name may repeat: each occurrence needs its own event.</param>
/// <param name="Window">The window within which every later step must occur, measured from the chain's step-1 event;
/// an event at exactly start + window is inside. Positive.</param>
/// <param name="Mode">Ordered, strict or any order.</param>
public sealed record FunnelDefinition(IReadOnlyList<string> Steps, TimeSpan Window, FunnelMode Mode = FunnelMode.Ordered)
{
    /// <summary>Exclusion steps; an excluded customer is removed from every step. Not supported in <see cref="FunnelMode.Any"/>.</summary>
    public IReadOnlyList<FunnelExclusion> Exclusions { get; init; } = [];

    /// <summary>The window PostHog uses by default: 14 days.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromDays(14);
}
