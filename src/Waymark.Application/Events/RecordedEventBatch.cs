using Waymark.Application.Ingestion;

namespace Waymark.Application.Events;

/// <summary>Collects what a reader read, for one all-or-nothing append to the event store.</summary>
public sealed class RecordedEventBatch : IEventSink
{
    private readonly List<RecordedEvent> _events = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _customers = new(StringComparer.Ordinal);

    /// <summary>The events, in source order.</summary>
    public IReadOnlyList<RecordedEvent> Events => _events;

    /// <summary>The customers' properties.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Customers => _customers;

    /// <inheritdoc />
    public void Add(string customer, string activity, long timestampMilliseconds, string? channel, string? messageId = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null) =>
        _events.Add(new RecordedEvent(customer, activity, timestampMilliseconds, channel, messageId, properties is { Count: > 0 } ? [.. properties] : null));

    /// <inheritdoc />
    public void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties) => _customers[customer] = properties;
}
