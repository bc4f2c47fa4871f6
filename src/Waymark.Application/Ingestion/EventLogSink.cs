using Waymark.Analytics.EventLogs;

namespace Waymark.Application.Ingestion;

/// <summary>Reads straight into an analytics event log.</summary>
public sealed class EventLogSink(EventLogBuilder builder) : IEventSink
{
    /// <inheritdoc />
    public void Add(string customer, string activity, long timestampMilliseconds, string? channel, string? messageId = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null) =>
        builder.Add(customer, activity, timestampMilliseconds, channel, properties);

    /// <inheritdoc />
    public void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties) => builder.SetCustomerProperties(customer, properties);
}
