namespace Waymark.Domain.Journeys;

/// <summary>One atomic step of a journey inside a stage (CJML).</summary>
/// <remarks>A <see cref="TouchpointForm.Communication"/> has an initiator, a receiver and a channel; an
/// <see cref="TouchpointForm.Action"/> has an actor and may name a channel. <see cref="Journey"/> enforces this.</remarks>
public sealed record Touchpoint
{
    /// <summary>Unique within its journey.</summary>
    public required TouchpointId Id { get; init; }

    /// <summary>A short label, 1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Optional longer text.</summary>
    public string? Description { get; init; }

    /// <summary>Communication point or action.</summary>
    public required TouchpointForm Form { get; init; }

    /// <summary>A channel from the controlled vocabulary (<see cref="Channels"/>), or null.</summary>
    public string? Channel { get; init; }

    /// <summary>Who starts a communication (customer, brand, a system); null for actions.</summary>
    public string? Initiator { get; init; }

    /// <summary>Who receives a communication; null for actions.</summary>
    public string? Receiver { get; init; }

    /// <summary>Who performs an action; null for communications.</summary>
    public string? Actor { get; init; }

    /// <summary>Which recorded events count as this touchpoint; may be empty.</summary>
    public IReadOnlyList<EventMatcher> EventMatchers { get; init; } = [];

    /// <summary>How long the step is planned to take, positive, or null when not planned.</summary>
    public TimeSpan? PlannedDuration { get; init; }
}
