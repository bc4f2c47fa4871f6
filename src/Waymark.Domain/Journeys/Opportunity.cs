namespace Waymark.Domain.Journeys;

/// <summary>An improvement the team could make; one object that many cards may show.</summary>
public sealed record Opportunity
{
    /// <summary>Unique within its journey.</summary>
    public required OpportunityId Id { get; init; }

    /// <summary>1 to 200 characters.</summary>
    public required string Title { get; init; }

    /// <summary>Optional longer text.</summary>
    public string? Description { get; init; }

    /// <summary>Value to customers and the business, from 1 to 5 inclusive.</summary>
    public required int Value { get; init; }

    /// <summary>Effort to deliver, from 1 to 5 inclusive.</summary>
    public required int Effort { get; init; }

    /// <summary>Who drives it, free text.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it is on its way to delivery.</summary>
    public OpportunityStatus Status { get; init; } = OpportunityStatus.Idea;

    /// <summary>The touchpoints it improves; each must exist in the journey.</summary>
    public IReadOnlyList<TouchpointId> TouchpointIds { get; init; } = [];

    /// <summary>The pain points it addresses; each must exist in the journey.</summary>
    public IReadOnlyList<PainPointId> PainPointIds { get; init; } = [];
}
