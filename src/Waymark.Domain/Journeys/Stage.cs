namespace Waymark.Domain.Journeys;

/// <summary>A column group of a journey, holding its touchpoints in order.</summary>
public sealed record Stage
{
    /// <summary>Unique within its journey.</summary>
    public required StageId Id { get; init; }

    /// <summary>Unique within the journey, compared case-insensitively; 1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Optional longer text.</summary>
    public string? Description { get; init; }

    /// <summary>The stage's touchpoints, left to right.</summary>
    public IReadOnlyList<Touchpoint> Touchpoints { get; init; } = [];
}
