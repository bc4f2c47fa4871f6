using Waymark.Application.Events;

namespace Waymark.Application.Storage;

/// <summary>Conveniences over <see cref="IEventStore"/>.</summary>
public static class EventStoreExtensions
{
    /// <summary>Appends events held in memory as one chunk (see <see cref="IEventStore.AppendAsync"/>).</summary>
    public static Task<long> AppendAsync(this IEventStore store, WorkspaceId workspaceId, Guid importId, IReadOnlyList<RecordedEvent> events, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> customerProperties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.AppendAsync(workspaceId, importId, One(events), () => customerProperties, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<RecordedEvent>> One(IReadOnlyList<RecordedEvent> events)
    {
        await Task.CompletedTask;
        yield return events;
    }
}
