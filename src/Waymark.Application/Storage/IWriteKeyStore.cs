using Waymark.Application.Tracking;

namespace Waymark.Application.Storage;

/// <summary>Stores workspaces' write keys.</summary>
public interface IWriteKeyStore
{
    /// <summary>Stores a new key.</summary>
    Task InsertAsync(WriteKey key, CancellationToken cancellationToken);

    /// <summary>The key with this hash (revoked or not), or null.</summary>
    Task<WriteKey?> FindAsync(string hash, CancellationToken cancellationToken);

    /// <summary>The workspace's keys, newest first.</summary>
    Task<IReadOnlyList<WriteKey>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked at <paramref name="at"/>; NotFound when the workspace has no such key.</summary>
    Task<WriteOutcome> RevokeAsync(WorkspaceId workspaceId, WriteKeyId keyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the key authenticated a request at <paramref name="at"/>.</summary>
    Task TouchAsync(WorkspaceId workspaceId, WriteKeyId keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
