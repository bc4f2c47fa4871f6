using System.Text.Json.Serialization;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Journeys.Documents;

/// <summary>The portable <c>*.waymark.json</c> file: one journey with the personas drawn on it.</summary>
/// <remarks>Carries no server identity (journey id, workspace, version, timestamps), so exporting an imported
/// document gives the same bytes. Ids inside the journey (stages, touchpoints, lanes, cards, pain points,
/// opportunities) and persona ids are kept.</remarks>
public sealed record JourneyDocument
{
    /// <summary>The only format version so far.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Where editors find the schema.</summary>
    public const string SchemaAddress = "/schemas/journey.schema.json";

    /// <summary>The schema address, for editors; optional.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaAddress;

    /// <summary>The format version; must be <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The journey.</summary>
    public required Journey Journey { get; init; }

    /// <summary>The personas the journey draws, in the journey's order.</summary>
    public IReadOnlyList<Persona> Personas { get; init; } = [];
}
