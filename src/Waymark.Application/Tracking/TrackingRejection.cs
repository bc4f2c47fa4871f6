namespace Waymark.Application.Tracking;

/// <summary>A message of a batch that failed validation: not stored as an event, kept in the failed-events store.</summary>
/// <param name="Index">Its position in the request's batch.</param>
/// <param name="MessageId">Its message id when it had a readable one, else null.</param>
/// <param name="Code">Stable reason code, such as <c>message.missing-customer</c>.</param>
/// <param name="Reason">The reason, for a person.</param>
/// <param name="Payload">The message as sent (JSON).</param>
public sealed record TrackingRejection(int Index, string? MessageId, string Code, string Reason, string Payload);
