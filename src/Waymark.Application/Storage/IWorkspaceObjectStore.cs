namespace Waymark.Application.Storage;

/// <summary>Stores named objects a workspace owns (personas, segments): one JSON body each, names unique
/// per workspace and kind (case-insensitive), versions for optimistic concurrency.</summary>
/// <typeparam name="T">The object's type; <see cref="WorkspaceObjectKind{T}"/> says how to read its key fields.</typeparam>
public interface IWorkspaceObjectStore<T>
    where T : class
{
    /// <summary>All objects of the workspace, by name.</summary>
    Task<IReadOnlyList<T>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    /// <summary>The object, or null when it does not exist in this workspace.</summary>
    Task<T?> GetAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken);

    /// <summary>Stores a new object; <see cref="WriteOutcome.NameTaken"/> if the name is used.</summary>
    Task<WriteOutcome> InsertAsync(T item, CancellationToken cancellationToken);

    /// <summary>Replaces the object if its stored version is <paramref name="expectedVersion"/>.</summary>
    Task<WriteOutcome> UpdateAsync(T item, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the object.</summary>
    Task<WriteOutcome> DeleteAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken);
}
