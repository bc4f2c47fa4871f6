namespace Waymark.Domain.Journeys;

/// <summary>How one persona feels at a touchpoint.</summary>
/// <param name="PersonaId">A persona of the journey.</param>
/// <param name="Score">From −2 (very negative) to +2 (very positive), inclusive.</param>
public sealed record EmotionScore(PersonaId PersonaId, int Score)
{
    /// <summary>The lowest score.</summary>
    public const int Min = -2;

    /// <summary>The highest score.</summary>
    public const int Max = 2;
}
