namespace Waymark.Domain.Journeys;

/// <summary>A problem customers meet; one object that many cards may show.</summary>
public sealed record PainPoint
{
    /// <summary>Unique within its journey.</summary>
    public required PainPointId Id { get; init; }

    /// <summary>1 to 200 characters.</summary>
    public required string Title { get; init; }

    /// <summary>Optional longer text, the evidence behind it.</summary>
    public string? Description { get; init; }

    /// <summary>From 1 (minor) to 5 (critical), inclusive.</summary>
    public required int Severity { get; init; }

    /// <summary>Who is responsible for it, free text.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it is in being dealt with.</summary>
    public PainPointStatus Status { get; init; } = PainPointStatus.Open;

    /// <summary>The touchpoints where customers meet it; each must exist in the journey.</summary>
    public IReadOnlyList<TouchpointId> TouchpointIds { get; init; } = [];
}
