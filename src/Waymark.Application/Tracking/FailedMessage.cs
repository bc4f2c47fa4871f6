namespace Waymark.Application.Tracking;

/// <summary>A message the ingestion API rejected, kept with its reason and payload so a person can inspect and replay it.</summary>
/// <param name="Id">Its id in the failed-events store.</param>
/// <param name="Kind">An event message or a survey answer.</param>
/// <param name="MessageId">Its message id when it had a readable one.</param>
/// <param name="Code">Why it was rejected (stable code).</param>
/// <param name="Reason">Why, for a person.</param>
/// <param name="Payload">The message as sent (JSON).</param>
/// <param name="ReceivedAt">When the server received it.</param>
/// <param name="SentAt">The batch's <c>sentAt</c>, used again when it is replayed.</param>
/// <param name="ReplayedAt">When a replay stored it, or null.</param>
public sealed record FailedMessage(Guid Id, TrackingKind Kind, string? MessageId, string Code, string Reason, string Payload, DateTimeOffset ReceivedAt, DateTimeOffset? SentAt, DateTimeOffset? ReplayedAt);
