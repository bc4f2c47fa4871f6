using Waymark.Domain.Journeys;

namespace Waymark.Server.Journeys;

/// <summary>Changes to a journey's details; a missing (null) field stays as it is, an empty string clears a text field.</summary>
public sealed record JourneyDetailsRequest(
    string? Name = null, JourneyKind? Kind = null, JourneyState? State = null, JourneyType? Type = null, string? Goal = null,
    string? Audience = null, string? TimeFrame = null, string? Owner = null, JourneyStatus? Status = null, IReadOnlyList<string>? Tags = null);

/// <summary>A stage to add or replace.</summary>
public sealed record StageRequest(string Name, string? Description = null, int? Position = null);

/// <summary>A new position in an ordered list (0 is first).</summary>
public sealed record PositionRequest(int Position);

/// <summary>A touchpoint to add or replace; <c>Position</c> applies when adding.</summary>
public sealed record TouchpointRequest(
    string Name, TouchpointForm Form, string? Description = null, string? Channel = null, string? Initiator = null, string? Receiver = null,
    string? Actor = null, IReadOnlyList<EventMatcher>? EventMatchers = null, TimeSpan? PlannedDuration = null, int? Position = null);

/// <summary>Where a touchpoint moves: a stage and a position in it.</summary>
public sealed record TouchpointMoveRequest(StageId StageId, int Position);

/// <summary>A lane to add.</summary>
public sealed record LaneRequest(LaneType Type, string Name, int? Position = null);

/// <summary>A lane's new name.</summary>
public sealed record LaneRenameRequest(string Name);

/// <summary>A card to add or replace.</summary>
public sealed record CardRequest(
    LaneId LaneId, IReadOnlyList<TouchpointId> TouchpointIds, string? Text = null, IReadOnlyList<EmotionScore>? Emotions = null,
    PainPointId? PainPointId = null, OpportunityId? OpportunityId = null, string? ImageUrl = null);

/// <summary>Where a card moves: a lane and the touchpoints it spans.</summary>
public sealed record CardMoveRequest(LaneId LaneId, IReadOnlyList<TouchpointId> TouchpointIds);

/// <summary>A pain point to add or replace.</summary>
public sealed record PainPointRequest(
    string Title, int Severity, string? Description = null, string? Owner = null, PainPointStatus? Status = null, IReadOnlyList<TouchpointId>? TouchpointIds = null);

/// <summary>An opportunity to add or replace.</summary>
public sealed record OpportunityRequest(
    string Title, int Value, int Effort, string? Description = null, string? Owner = null, OpportunityStatus? Status = null,
    IReadOnlyList<TouchpointId>? TouchpointIds = null, IReadOnlyList<PainPointId>? PainPointIds = null);
