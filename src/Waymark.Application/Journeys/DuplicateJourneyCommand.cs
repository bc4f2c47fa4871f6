using Waymark.Application.Storage;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Journeys;

/// <summary>Copies a journey within its workspace: same content, a new id, version 1, status draft.</summary>
public sealed class DuplicateJourneyCommand(IJourneyStore journeys, TimeProvider clock)
{
    /// <summary>Copies the journey, named <paramref name="name"/> or "&lt;name&gt; (copy)". Errors: <c>journey.not-found</c>, <c>validation.failed</c>.</summary>
    public async Task<Result<Journey>> HandleAsync(WorkspaceId workspaceId, JourneyId journeyId, string? name, CancellationToken cancellationToken)
    {
        var source = await journeys.GetAsync(workspaceId, journeyId, cancellationToken);
        if (source is null)
        {
            return JourneyErrors.NotFound();
        }

        var now = clock.GetUtcNow();
        var copyName = name ?? $"{source.Name} (copy)";
        var copy = source with { Id = JourneyId.New(), Name = copyName.Length > Journey.MaxNameLength ? copyName[..Journey.MaxNameLength] : copyName, Status = JourneyStatus.Draft, Version = 1, CreatedAt = now, UpdatedAt = now };
        var checkedCopy = copy.Checked();
        if (checkedCopy.IsSuccess)
        {
            await journeys.InsertAsync(copy, [], cancellationToken);
        }

        return checkedCopy;
    }
}
