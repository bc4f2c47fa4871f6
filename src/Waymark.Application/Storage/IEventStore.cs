using Waymark.Application.Events;

namespace Waymark.Application.Storage;

/// <summary>Stores each workspace's recorded events durably, in source order, deduplicated by message id.</summary>
public interface IEventStore
{
    /// <summary>Appends events, streamed in chunks, then sets customer properties (asked for once the chunks are
    /// done), all in one transaction: if the chunks end in an exception nothing is stored. Events whose message id the
    /// workspace already has are skipped. Returns how many were stored.</summary>
    Task<long> AppendAsync(WorkspaceId workspaceId, Guid importId, IAsyncEnumerable<IReadOnlyList<RecordedEvent>> chunks, Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> customerProperties, CancellationToken cancellationToken);

    /// <summary>Streams the workspace's events with a sequence above <paramref name="afterSequence"/> in source order,
    /// then all its customers' properties. Returns the sequence of the last event streamed, or
    /// <paramref name="afterSequence"/> when there was none.</summary>
    Task<long> ReadAsync(WorkspaceId workspaceId, long afterSequence, Action<RecordedEvent> onEvent, Action<string, IReadOnlyDictionary<string, string>> onCustomer, CancellationToken cancellationToken);

    /// <summary>The sequence of the workspace's last stored event; 0 when it has none.</summary>
    Task<long> LastSequenceAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    /// <summary>Records an import (succeeded or failed).</summary>
    Task SaveImportAsync(EventImport import, CancellationToken cancellationToken);

    /// <summary>The import, or null when it is not in this workspace.</summary>
    Task<EventImport?> GetImportAsync(WorkspaceId workspaceId, Guid importId, CancellationToken cancellationToken);

    /// <summary>The workspace's imports, newest first.</summary>
    Task<IReadOnlyList<EventImport>> ListImportsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);
}
