namespace Waymark.Domain.Journeys;

/// <summary>Where an opportunity is on its way to delivery.</summary>
public enum OpportunityStatus
{
    /// <summary>Proposed.</summary>
    Idea,

    /// <summary>Accepted and scheduled.</summary>
    Planned,

    /// <summary>Being built.</summary>
    InProgress,

    /// <summary>Delivered.</summary>
    Done,

    /// <summary>Decided against.</summary>
    Dropped,
}
