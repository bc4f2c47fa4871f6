namespace Waymark.Domain.Journeys;

/// <summary>Whether a journey describes today or a future design.</summary>
public enum JourneyState
{
    /// <summary>The journey as customers live it today.</summary>
    AsIs,

    /// <summary>The journey as the team wants it to be.</summary>
    ToBe,
}
