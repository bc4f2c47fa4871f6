namespace Waymark.Domain.Journeys;

/// <summary>Whether a journey is designed or reconstructed from one customer's data (CJML).</summary>
public enum JourneyKind
{
    /// <summary>The designed, expected journey; its emotions are hypotheses.</summary>
    Planned,

    /// <summary>What one real customer did, reconstructed from recorded events.</summary>
    Actual,
}
