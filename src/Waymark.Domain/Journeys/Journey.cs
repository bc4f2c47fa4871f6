namespace Waymark.Domain.Journeys;

/// <summary>One journey map: the aggregate that owns its stages, touchpoints, lanes, cards, pain points and opportunities.</summary>
/// <remarks>Immutable. Every edit returns a new journey that has passed <see cref="Validate"/>, or an
/// <see cref="Error"/>; a journey that fails validation is never returned by an edit. Personas live in the
/// workspace; the journey lists the ones drawn on it.</remarks>
public sealed partial record Journey
{
    /// <summary>Unique within the workspace.</summary>
    public required JourneyId Id { get; init; }

    /// <summary>The workspace that owns the journey.</summary>
    public required WorkspaceId WorkspaceId { get; init; }

    /// <summary>1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Planned or actual.</summary>
    public JourneyKind Kind { get; init; } = JourneyKind.Planned;

    /// <summary>As-is or to-be.</summary>
    public JourneyState State { get; init; } = JourneyState.AsIs;

    /// <summary>The template family.</summary>
    public JourneyType Type { get; init; } = JourneyType.Purchase;

    /// <summary>What the customer wants to achieve on this journey.</summary>
    public string? Goal { get; init; }

    /// <summary>Who the journey is for.</summary>
    public string? Audience { get; init; }

    /// <summary>The period the journey covers, free text ("first 90 days").</summary>
    public string? TimeFrame { get; init; }

    /// <summary>Who keeps the map up to date, free text.</summary>
    public string? Owner { get; init; }

    /// <summary>Where the map is in its review cycle.</summary>
    public JourneyStatus Status { get; init; } = JourneyStatus.Draft;

    /// <summary>Labels for finding maps; unique (case-insensitive), each 1 to 50 characters, at most 20.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The workspace personas drawn on this journey, in display order, without duplicates.</summary>
    public IReadOnlyList<PersonaId> PersonaIds { get; init; } = [];

    /// <summary>The stages, left to right.</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>The lanes, top to bottom.</summary>
    public IReadOnlyList<Lane> Lanes { get; init; } = [];

    /// <summary>The cards. Each is placed by its lane and touchpoints; cards that share a lane and first touchpoint
    /// (a cell) are shown top to bottom in the order of this list.</summary>
    public IReadOnlyList<Card> Cards { get; init; } = [];

    /// <summary>The journey's pain points.</summary>
    public IReadOnlyList<PainPoint> PainPoints { get; init; } = [];

    /// <summary>The journey's opportunities.</summary>
    public IReadOnlyList<Opportunity> Opportunities { get; init; } = [];

    /// <summary>Increases by one with every stored change; used for optimistic concurrency. 1 when first stored.</summary>
    public long Version { get; init; } = 1;

    /// <summary>When the journey was first stored (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the journey was last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every touchpoint, left to right across the stages.</summary>
    public IEnumerable<Touchpoint> Touchpoints => Stages.SelectMany(stage => stage.Touchpoints);

    /// <summary>Returns this journey if it is valid, else a validation error listing every problem.</summary>
    public Result<Journey> Checked()
    {
        var problems = Validate();
        return problems.Count == 0 ? this : Error.Invalid(problems);
    }
}
