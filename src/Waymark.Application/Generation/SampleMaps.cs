using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Generation;

/// <summary>Large journey maps for load and rendering measurements: every cell of every lane holds a card, the
/// emotion lane a score per persona at every touchpoint. Deterministic apart from the ids.</summary>
public static class SampleMaps
{
    private static readonly LaneType[] LaneTypes =
    [
        LaneType.Actions, LaneType.Thoughts, LaneType.Emotions, LaneType.PainPoints, LaneType.Opportunities, LaneType.Channels,
        LaneType.Backstage, LaneType.Owners, LaneType.Kpis, LaneType.Evidence, LaneType.Text, LaneType.Text,
    ];

    private static readonly string[] Channels = ["web", "app", "email", "store", "phone", "social"];

    /// <summary>A journey of <paramref name="stages"/> × <paramref name="touchpointsPerStage"/> touchpoints and
    /// <paramref name="lanes"/> lanes (at most 12), with two personas.</summary>
    public static (Journey Journey, IReadOnlyList<Persona> Personas) Large(WorkspaceId workspaceId, DateTimeOffset now, int stages = 8, int touchpointsPerStage = 5, int lanes = 12)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lanes, LaneTypes.Length);
        var personas = new[]
        {
            new Persona { Id = PersonaId.New(), WorkspaceId = workspaceId, Name = "First-time buyer", Goals = ["Find the right product"] },
            new Persona { Id = PersonaId.New(), WorkspaceId = workspaceId, Name = "Loyal customer", Goals = ["Reorder quickly"] },
        };
        var stageList = Enumerable.Range(0, stages).Select(s => new Stage
        {
            Id = StageId.New(),
            Name = $"Stage {s + 1}",
            Touchpoints = Enumerable.Range(0, touchpointsPerStage).Select(t => new Touchpoint
            {
                Id = TouchpointId.New(),
                Name = $"Touchpoint {(s * touchpointsPerStage) + t + 1} of the journey",
                Form = TouchpointForm.Action,
                Actor = "Customer",
                Channel = Channels[((s * touchpointsPerStage) + t) % Channels.Length],
            }).ToList(),
        }).ToList();
        var laneList = Enumerable.Range(0, lanes).Select(l => new Lane(LaneId.New(), LaneTypes[l], $"{LaneTypes[l]} {l + 1}")).ToList();
        var touchpoints = stageList.SelectMany(stage => stage.Touchpoints).ToList();
        var cards = new List<Card>();
        for (var t = 0; t < touchpoints.Count; t++)
        {
            foreach (var lane in laneList)
            {
                var card = new Card { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = [touchpoints[t].Id] };
                cards.Add(lane.Type == LaneType.Emotions
                    ? card with { Emotions = [new EmotionScore(personas[0].Id, ((t * 7) % 5) - 2), new EmotionScore(personas[1].Id, ((t * 3) % 5) - 2)] }
                    : lane.Type is LaneType.PainPoints or LaneType.Opportunities
                        ? card with { Text = $"Note {t + 1} for {lane.Name}" }
                        : card with { Text = $"Card {t + 1} in {lane.Name}: what the customer does, thinks or needs here, in a sentence or two." });
            }
        }

        var journey = new Journey
        {
            Id = JourneyId.New(), WorkspaceId = workspaceId, Name = $"Large map {stages}×{touchpoints.Count}×{lanes}",
            Stages = stageList, Lanes = laneList, Cards = cards, PersonaIds = [.. personas.Select(persona => persona.Id)],
            CreatedAt = now, UpdatedAt = now,
        };
        return (journey.Checked().Value, personas);
    }
}
