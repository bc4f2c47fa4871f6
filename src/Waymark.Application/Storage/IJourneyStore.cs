using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Storage;

/// <summary>Stores journeys, one row each; every call is scoped to one workspace.</summary>
public interface IJourneyStore
{
    /// <summary>Journeys of the workspace that pass the filter, most recently changed first.</summary>
    Task<IReadOnlyList<Journey>> ListAsync(WorkspaceId workspaceId, JourneyFilter filter, CancellationToken cancellationToken);

    /// <summary>The journey, or null when it does not exist in this workspace.</summary>
    Task<Journey?> GetAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken);

    /// <summary>Stores a new journey and, in the same transaction, the personas it brings into the workspace
    /// (an import). A persona name already taken fails the whole write with <see cref="WriteOutcome.NameTaken"/>.</summary>
    Task<WriteOutcome> InsertAsync(Journey journey, IReadOnlyList<Persona> newPersonas, CancellationToken cancellationToken);

    /// <summary>Replaces the journey if its stored version is <paramref name="expectedVersion"/>; the new row carries <c>journey.Version</c>.</summary>
    Task<WriteOutcome> UpdateAsync(Journey journey, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the journey; <see cref="WriteOutcome.NotFound"/> when it is not in this workspace.</summary>
    Task<WriteOutcome> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken);
}
