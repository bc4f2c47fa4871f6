using Waymark.Application.Storage;

namespace Waymark.Application.Workspaces;

/// <summary>Creates, replaces and deletes workspace objects (personas, segments) with their validation,
/// unique names and optimistic concurrency.</summary>
/// <typeparam name="T">The object's type.</typeparam>
public sealed class WorkspaceObjectCommands<T>(IWorkspaceObjectStore<T> store, WorkspaceObjectKind<T> kind, Func<T, IReadOnlyDictionary<string, string[]>> validate)
    where T : class
{
    /// <summary>Stores a new object. Errors: <c>validation.failed</c>, <c>{kind}.name-taken</c>.</summary>
    public async Task<Result<T>> CreateAsync(T item, CancellationToken cancellationToken)
    {
        var problems = validate(item);
        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        return await store.InsertAsync(item, cancellationToken) == WriteOutcome.Done ? item : NameTaken(item);
    }

    /// <summary>Replaces an object if it is still at <paramref name="expectedVersion"/> (null: whatever version it is at).
    /// <paramref name="change"/> gets the stored object and returns the new one. Errors: <c>{kind}.not-found</c>,
    /// <c>{kind}.version-conflict</c>, <c>{kind}.name-taken</c>, <c>validation.failed</c>.</summary>
    public async Task<Result<T>> UpdateAsync(WorkspaceId workspaceId, Guid id, long? expectedVersion, Func<T, T> change, Func<T, long, T> withVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(withVersion);
        var current = await store.GetAsync(workspaceId, id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        var currentVersion = kind.VersionOf(current);
        if (expectedVersion is { } expected && expected != currentVersion)
        {
            return VersionConflict(currentVersion);
        }

        var next = withVersion(change(current), currentVersion + 1);
        var problems = validate(next);
        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        return await store.UpdateAsync(next, currentVersion, cancellationToken) switch
        {
            WriteOutcome.Done => next,
            WriteOutcome.NameTaken => NameTaken(next),
            WriteOutcome.NotFound => NotFound(),
            _ => VersionConflict((await store.GetAsync(workspaceId, id, cancellationToken)) is { } latest ? kind.VersionOf(latest) : currentVersion),
        };
    }

    /// <summary>Deletes an object. Errors: <c>{kind}.not-found</c>.</summary>
    public async Task<Result<bool>> DeleteAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken) =>
        await store.DeleteAsync(workspaceId, id, cancellationToken) == WriteOutcome.Done ? true : NotFound();

    private Error NotFound() => Error.NotFound(kind.Name, $"The {kind.Name} does not exist in this workspace.");

    private Error NameTaken(T item) => Error.Conflict($"{kind.Name}.name-taken", $"The workspace already has a {kind.Name} named '{kind.NameOf(item)}'.");

    private Error VersionConflict(long currentVersion) =>
        Error.Conflict($"{kind.Name}.version-conflict", $"The {kind.Name} changed since you read it; it is now at version {currentVersion}.")
            with { Details = new Dictionary<string, object> { ["currentVersion"] = currentVersion } };
}
