namespace Waymark.Application.Ingestion;

/// <summary>Where readers put what they read: an in-memory event log, or a batch for the event store.</summary>
public interface IEventSink
{
    /// <summary>One event, in source order.</summary>
    void Add(string customer, string activity, long timestampMilliseconds, string? channel, string? messageId = null);

    /// <summary>A customer's properties (replacing earlier ones).</summary>
    void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties);
}
