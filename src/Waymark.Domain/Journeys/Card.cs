namespace Waymark.Domain.Journeys;

/// <summary>Content at a lane × touchpoint; may span several adjacent touchpoints.</summary>
/// <remarks>Which fields are allowed depends on the lane's type; <see cref="Journey"/> enforces it.</remarks>
public sealed record Card
{
    /// <summary>Unique within its journey.</summary>
    public required CardId Id { get; init; }

    /// <summary>The lane the card sits in.</summary>
    public required LaneId LaneId { get; init; }

    /// <summary>The touchpoints the card spans: at least one, adjacent in the journey's left-to-right order, in that order.</summary>
    public required IReadOnlyList<TouchpointId> TouchpointIds { get; init; }

    /// <summary>The card's text, up to 4,000 characters; may be empty.</summary>
    public string Text { get; init; } = "";

    /// <summary>Per-persona emotion scores; only on emotion lanes, at most one per persona.</summary>
    public IReadOnlyList<EmotionScore> Emotions { get; init; } = [];

    /// <summary>The pain point shown; only on pain point lanes.</summary>
    public PainPointId? PainPointId { get; init; }

    /// <summary>The opportunity shown; only on opportunity lanes.</summary>
    public OpportunityId? OpportunityId { get; init; }

    /// <summary>An absolute http(s) address of a picture; only on image lanes.</summary>
    public string? ImageUrl { get; init; }
}
