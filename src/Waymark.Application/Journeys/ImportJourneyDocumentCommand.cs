using Waymark.Application.Journeys.Documents;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Journeys;

/// <summary>Imports a journey document into a workspace as a new journey.</summary>
/// <remarks>The journey gets a new id; ids inside it are kept. Each persona of the document is matched in the
/// workspace by id, then by name (case-insensitive); unmatched personas are created. Journey and new personas
/// are written in one transaction: a failed import leaves nothing behind.</remarks>
public sealed class ImportJourneyDocumentCommand(IJourneyStore journeys, IWorkspaceObjectStore<Persona> personas, TimeProvider clock)
{
    /// <summary>Imports. Errors: <c>document.malformed</c>, <c>document.invalid</c> (each problem by JSON path).</summary>
    public async Task<Result<Journey>> HandleAsync(WorkspaceId workspaceId, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        var read = JourneyDocumentFormat.Read(document.Span);
        if (!read.IsSuccess)
        {
            return read.Error;
        }

        var existing = await personas.ListAsync(workspaceId, cancellationToken);
        var byId = existing.ToDictionary(persona => persona.Id);
        var byName = existing.ToDictionary(persona => persona.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        var renamed = new Dictionary<PersonaId, PersonaId>();
        var created = new List<Persona>();
        foreach (var persona in read.Value.Personas)
        {
            if (byId.ContainsKey(persona.Id))
            {
                continue;
            }

            if (byName.TryGetValue(persona.Name.Trim(), out var sameName))
            {
                renamed[persona.Id] = sameName.Id;
                continue;
            }

            created.Add(persona with { WorkspaceId = workspaceId, Version = 1 });
        }

        var now = clock.GetUtcNow();
        var journey = Rename(read.Value.Journey, renamed) with { Id = JourneyId.New(), WorkspaceId = workspaceId, Version = 1, CreatedAt = now, UpdatedAt = now };
        return await journeys.InsertAsync(journey, created, cancellationToken) == WriteOutcome.Done
            ? journey
            : Error.Conflict("persona.name-taken", "A persona of the document has the name of another persona created meanwhile; try again.");
    }

    private static Journey Rename(Journey journey, Dictionary<PersonaId, PersonaId> renamed) =>
        renamed.Count == 0 ? journey : journey with
        {
            PersonaIds = journey.PersonaIds.Select(id => renamed.GetValueOrDefault(id, id)).Distinct().ToList(),
            Cards = journey.Cards.Select(card => card with { Emotions = card.Emotions.Select(emotion => emotion with { PersonaId = renamed.GetValueOrDefault(emotion.PersonaId, emotion.PersonaId) }).ToList() }).ToList(),
        };
}
