using Waymark.Domain.Journeys;

namespace Waymark.Application.Storage;

/// <summary>Which journeys a list returns; null fields do not filter. Archived journeys are left out unless asked for by status.</summary>
/// <param name="Kind">Only this kind.</param>
/// <param name="State">Only this state.</param>
/// <param name="Type">Only this type.</param>
/// <param name="Status">Only this status.</param>
/// <param name="Tag">Only journeys carrying this tag (case-insensitive).</param>
/// <param name="Search">Only journeys whose name, goal or owner contains this text (case-insensitive).</param>
/// <param name="Persona">Only journeys that draw this persona.</param>
public sealed record JourneyFilter(
    JourneyKind? Kind = null,
    JourneyState? State = null,
    JourneyType? Type = null,
    JourneyStatus? Status = null,
    string? Tag = null,
    string? Search = null,
    PersonaId? Persona = null);
