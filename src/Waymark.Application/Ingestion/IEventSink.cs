namespace Waymark.Application.Ingestion;

/// <summary>Where readers put what they read: an in-memory event log, or a batch for the event store.</summary>
public interface IEventSink
{
    /// <summary>One event, in source order, with its other properties (name, value) when the source has any; the
    /// properties list is only valid during the call (readers reuse it).</summary>
    void Add(string customer, string activity, long timestampMilliseconds, string? channel, string? messageId = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null);

    /// <summary>A customer's properties (replacing earlier ones).</summary>
    void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties);
}
