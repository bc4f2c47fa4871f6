using Waymark.Application.Tracking;

namespace Waymark.Application.Storage;

/// <summary>Stores what the ingestion API receives: events, answers, identities, rejected messages, conflicts.</summary>
public interface ITrackingStore
{
    /// <summary>Stores several requests' batches in one transaction (a group commit): all of them, or, if it throws,
    /// none. Messages whose (workspace, message id) is stored with the same fingerprint are duplicates and dropped;
    /// with another fingerprint they are kept aside as conflicts. Identify calls link anonymous ids first (the first
    /// link stands) and move the anonymous id's stored events and answers to the customer. Rejections go to the
    /// failed-events store; a batch that replays a failed message marks it replayed.</summary>
    Task<IReadOnlyList<TrackingCommit>> CommitAsync(IReadOnlyList<(WorkspaceId WorkspaceId, TrackingBatch Batch)> batches, CancellationToken cancellationToken);

    /// <summary>The workspace's failed messages, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FailedMessage>> ListFailedAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken);

    /// <summary>One failed message, or null when the workspace has no such one.</summary>
    Task<FailedMessage?> GetFailedAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken);

    /// <summary>The workspace's message-id conflicts, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<MessageConflict>> ListConflictsAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken);
}
