namespace Waymark.Application.Events;

/// <summary>One recorded interaction as the event store keeps it.</summary>
/// <param name="Customer">The customer id.</param>
/// <param name="Activity">The event name.</param>
/// <param name="TimestampMilliseconds">UTC milliseconds since the Unix epoch.</param>
/// <param name="Channel">The channel, or null.</param>
/// <param name="MessageId">The sender's id for deduplication, or null.</param>
public sealed record RecordedEvent(string Customer, string Activity, long TimestampMilliseconds, string? Channel, string? MessageId);
