using Waymark.Domain.Journeys;

namespace Waymark.Server.Journeys;

/// <summary>A journey in a list.</summary>
public sealed record JourneySummary(
    JourneyId Id, string Name, JourneyKind Kind, JourneyState State, JourneyType Type, JourneyStatus Status, string? Owner,
    IReadOnlyList<string> Tags, IReadOnlyList<PersonaId> PersonaIds, int Stages, int Touchpoints, int PainPoints, int Opportunities, long Version, DateTimeOffset UpdatedAt)
{
    public static JourneySummary Of(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return new(journey.Id, journey.Name, journey.Kind, journey.State, journey.Type, journey.Status, journey.Owner, journey.Tags, journey.PersonaIds,
            journey.Stages.Count, journey.Touchpoints.Count(), journey.PainPoints.Count, journey.Opportunities.Count, journey.Version, journey.UpdatedAt);
    }
}
