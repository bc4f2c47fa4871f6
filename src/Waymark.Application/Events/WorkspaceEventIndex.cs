using System.Collections.Concurrent;
using Waymark.Analytics.EventLogs;
using Waymark.Application.Storage;

namespace Waymark.Application.Events;

/// <summary>The columnar index of each workspace's events, loaded on first use and rebuilt after every import into
/// that workspace. With a snapshot folder, a log is read from its snapshot when the snapshot holds exactly the
/// store's events (same last sequence), and a fresh snapshot is written after each rebuild.</summary>
/// <remarks>One index per server process: a second server instance behind a load balancer sees another instance's
/// import when its own index is next rebuilt (the snapshot and live updates of issue 3 are not built yet).</remarks>
public sealed class WorkspaceEventIndex(IEventStore store, string? snapshotDirectory = null)
{
    private readonly ConcurrentDictionary<WorkspaceId, Lazy<Task<EventLog>>> _logs = new();

    /// <summary>The workspace's log, loading it if needed. Concurrent callers share one load.</summary>
    public Task<EventLog> GetAsync(WorkspaceId workspaceId)
    {
        var entry = _logs.GetOrAdd(workspaceId, id => new Lazy<Task<EventLog>>(() => LoadAsync(id)));
        var task = entry.Value;
        if (task.IsFaulted)
        {
            _logs.TryRemove(new KeyValuePair<WorkspaceId, Lazy<Task<EventLog>>>(workspaceId, entry));
        }

        return task;
    }

    /// <summary>Forgets the workspace's log; the next query loads it again.</summary>
    public void Invalidate(WorkspaceId workspaceId) => _logs.TryRemove(workspaceId, out _);

    private async Task<EventLog> LoadAsync(WorkspaceId workspaceId)
    {
        var lastSequence = await store.LastSequenceAsync(workspaceId, CancellationToken.None);
        var path = snapshotDirectory is null ? null : Path.Combine(snapshotDirectory, $"{workspaceId}.wmsnap");
        if (path is not null && File.Exists(path))
        {
            await using var input = File.OpenRead(path);
            if (EventLogSnapshot.Read(input) is { } snapshot && snapshot.LastSequence == lastSequence)
            {
                return snapshot.Log;
            }
        }

        var builder = new EventLogBuilder();
        await store.ReadAsync(workspaceId, item => builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel, item.Properties), builder.SetCustomerProperties, CancellationToken.None);
        var log = builder.Build();
        if (path is not null)
        {
            Directory.CreateDirectory(snapshotDirectory!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await using (var output = File.Create(temporary))
            {
                EventLogSnapshot.Write(output, log, lastSequence);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return log;
    }
}
