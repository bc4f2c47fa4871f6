using System.Collections.Concurrent;
using Waymark.Analytics.EventLogs;
using Waymark.Application.Storage;

namespace Waymark.Application.Events;

/// <summary>The columnar index of each workspace's events, loaded from the event store on first use and rebuilt after
/// every import into that workspace.</summary>
/// <remarks>One index per server process: a second server instance behind a load balancer sees another instance's
/// import when its own index is next rebuilt (the snapshot and live updates of issue 3 are not built yet).</remarks>
public sealed class WorkspaceEventIndex(IEventStore store)
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
        var builder = new EventLogBuilder();
        await store.ReadAsync(workspaceId, item => builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel), builder.SetCustomerProperties, CancellationToken.None);
        return builder.Build();
    }
}
