namespace Waymark.Domain.Journeys;

/// <summary>Where a journey is in its review cycle.</summary>
public enum JourneyStatus
{
    /// <summary>Being drawn; not yet shared as the team's view.</summary>
    Draft,

    /// <summary>Shared for comments.</summary>
    InReview,

    /// <summary>The team's agreed view.</summary>
    Published,

    /// <summary>Kept for history; hidden from default lists.</summary>
    Archived,
}
