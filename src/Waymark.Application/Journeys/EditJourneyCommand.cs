using Waymark.Application.Storage;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Journeys;

/// <summary>Applies one edit to a stored journey with optimistic concurrency.</summary>
/// <remarks>With an expected version (the client's <c>If-Match</c>), a journey changed since the client read it is
/// not touched and the answer is <c>journey.version-conflict</c> with the current version. Without one, the edit is
/// applied to the latest version; if another writer wins the race, the edit is re-applied to its result (up to
/// five times), so nothing is overwritten silently either way.</remarks>
public sealed class EditJourneyCommand(IJourneyStore journeys, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>Edits the journey. Errors: <c>journey.not-found</c>, <c>journey.version-conflict</c>, and the edit's own.</summary>
    public async Task<Result<Journey>> HandleAsync(
        WorkspaceId workspaceId, JourneyId journeyId, long? expectedVersion, Func<Journey, Result<Journey>> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await journeys.GetAsync(workspaceId, journeyId, cancellationToken);
            if (current is null)
            {
                return JourneyErrors.NotFound();
            }

            if (expectedVersion is { } expected && expected != current.Version)
            {
                return JourneyErrors.VersionConflict(current.Version);
            }

            var edited = edit(current);
            if (!edited.IsSuccess)
            {
                return edited;
            }

            var next = edited.Value with { Id = current.Id, WorkspaceId = current.WorkspaceId, CreatedAt = current.CreatedAt, Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() };
            switch (await journeys.UpdateAsync(next, current.Version, cancellationToken))
            {
                case WriteOutcome.Done:
                    return next;
                case WriteOutcome.NotFound:
                    return JourneyErrors.NotFound();
                case WriteOutcome.VersionConflict when expectedVersion is not null:
                    var latest = await journeys.GetAsync(workspaceId, journeyId, cancellationToken);
                    return latest is null ? JourneyErrors.NotFound() : JourneyErrors.VersionConflict(latest.Version);
                default:
                    continue;
            }
        }

        return Error.Conflict("journey.busy", "The journey is being changed by others right now; try again.");
    }
}
