namespace Waymark.Application.Tracking;

/// <summary>A message that reused a stored message id with a different payload (a synthetic duplicate, in Snowplow's
/// words): kept aside and flagged, not counted in the evidence.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">An event message or a survey answer.</param>
/// <param name="MessageId">The reused message id.</param>
/// <param name="Payload">The message as sent (JSON).</param>
/// <param name="ReceivedAt">When the server received it.</param>
public sealed record MessageConflict(Guid Id, TrackingKind Kind, string MessageId, string Payload, DateTimeOffset ReceivedAt);
