using System.Collections.Concurrent;
using Waymark.Analytics.EventLogs;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;

namespace Waymark.Application.Events;

/// <summary>The columnar index of each workspace's events: loaded on first use, reloaded after a file import, and kept
/// up to date with live ingestion by appending what each commit stored (<see cref="Append"/>, applied by
/// <see cref="ApplyPendingAsync"/>). With a snapshot folder, a load starts from the workspace's snapshot and reads
/// only the events stored after it, then writes a fresh snapshot.</summary>
/// <remarks>One index per server process: a second instance behind a load balancer sees another instance's writes
/// when its own index next reloads.</remarks>
public sealed class WorkspaceEventIndex(IEventStore store, string? snapshotDirectory = null)
{
    /// <summary>A loaded log and the sequence of the last stored event it holds.</summary>
    private sealed record Indexed(EventLog Log, long LastSequence);

    private readonly ConcurrentDictionary<WorkspaceId, Lazy<Task<Indexed>>> _logs = new();
    private readonly ConcurrentDictionary<WorkspaceId, ConcurrentQueue<TrackingCommit>> _pending = new();

    /// <summary>The workspace's log, loading it if needed. Concurrent callers share one load.</summary>
    public async Task<EventLog> GetAsync(WorkspaceId workspaceId) => (await IndexedAsync(workspaceId)).Log;

    /// <summary>Forgets the workspace's log; the next query loads it again (from its snapshot and the events stored
    /// after it, or, with <paramref name="discardSnapshot"/>, from the store alone).</summary>
    public void Invalidate(WorkspaceId workspaceId, bool discardSnapshot = false)
    {
        _logs.TryRemove(workspaceId, out _);
        if (discardSnapshot && SnapshotPath(workspaceId) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>Queues what a committed ingestion batch stored, to be appended by the next
    /// <see cref="ApplyPendingAsync"/>. A commit that moved stored events to another customer (identify) reloads the
    /// log instead. Nothing is queued for a workspace whose log is not loaded: its load will read the store.</summary>
    public void Append(WorkspaceId workspaceId, TrackingCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Relinked > 0)
        {
            Invalidate(workspaceId, discardSnapshot: true);
            return;
        }

        if ((commit.Events.Count > 0 || commit.Customers.Count > 0) && _logs.ContainsKey(workspaceId))
        {
            _pending.GetOrAdd(workspaceId, _ => new ConcurrentQueue<TrackingCommit>()).Enqueue(commit);
        }
    }

    /// <summary>Appends the queued commits to each loaded log; returns the workspaces whose log changed. A log still
    /// loading keeps its queue for the next call; events the load already read (by sequence) are not added twice.
    /// Call from one thread at a time.</summary>
    public async Task<IReadOnlyList<WorkspaceId>> ApplyPendingAsync()
    {
        var changed = new List<WorkspaceId>();
        foreach (var (workspaceId, queue) in _pending)
        {
            if (queue.IsEmpty)
            {
                continue;
            }

            if (!_logs.TryGetValue(workspaceId, out var entry) || entry.Value.IsFaulted)
            {
                queue.Clear();
                continue;
            }

            if (!entry.Value.IsCompleted)
            {
                continue;
            }

            var current = await entry.Value;
            var builder = new EventLogBuilder();
            var last = current.LastSequence;
            while (queue.TryDequeue(out var commit))
            {
                for (var i = 0; i < commit.Events.Count; i++)
                {
                    if (commit.Sequences[i] > current.LastSequence)
                    {
                        last = Math.Max(last, commit.Sequences[i]);
                        var item = commit.Events[i];
                        builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel, item.Properties);
                    }
                }

                foreach (var (customer, properties) in commit.Customers)
                {
                    builder.SetCustomerProperties(customer, properties);
                }

            }

            var merged = new Indexed(EventLogMerge.Merge(current.Log, builder.Build()), last);
            if (_logs.TryUpdate(workspaceId, new Lazy<Task<Indexed>>(Task.FromResult(merged)), entry))
            {
                changed.Add(workspaceId);
            }
        }

        return changed;
    }

    private Task<Indexed> IndexedAsync(WorkspaceId workspaceId)
    {
        var entry = _logs.GetOrAdd(workspaceId, id => new Lazy<Task<Indexed>>(() => LoadAsync(id)));
        var task = entry.Value;
        if (task.IsFaulted)
        {
            _logs.TryRemove(new KeyValuePair<WorkspaceId, Lazy<Task<Indexed>>>(workspaceId, entry));
        }

        return task;
    }

    private string? SnapshotPath(WorkspaceId workspaceId) => snapshotDirectory is null ? null : Path.Combine(snapshotDirectory, $"{workspaceId}.wmsnap");

    private async Task<Indexed> LoadAsync(WorkspaceId workspaceId)
    {
        var stored = await store.LastSequenceAsync(workspaceId, CancellationToken.None);
        var path = SnapshotPath(workspaceId);
        (EventLog Log, long LastSequence)? snapshot = null;
        if (path is not null && File.Exists(path))
        {
            await using var input = File.OpenRead(path);
            snapshot = EventLogSnapshot.Read(input) is { } read && read.LastSequence <= stored ? read : null;
        }

        if (snapshot is { } current && current.LastSequence == stored)
        {
            return new Indexed(current.Log, stored);
        }

        var builder = new EventLogBuilder();
        var last = await store.ReadAsync(workspaceId, snapshot?.LastSequence ?? 0, item => builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel, item.Properties),
            builder.SetCustomerProperties, CancellationToken.None);
        var log = snapshot is { } earlier ? EventLogMerge.Merge(earlier.Log, builder.Build()) : builder.Build();
        if (path is not null)
        {
            Directory.CreateDirectory(snapshotDirectory!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await using (var output = File.Create(temporary))
            {
                EventLogSnapshot.Write(output, log, last);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return new Indexed(log, last);
    }
}
