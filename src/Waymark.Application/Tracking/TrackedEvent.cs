namespace Waymark.Application.Tracking;

/// <summary>A valid <c>track</c>, <c>page</c> or <c>screen</c> message, ready to store.</summary>
/// <param name="Index">Its position in the request's batch.</param>
/// <param name="MessageId">The sender's id for deduplication (or one made from the fingerprint when it sent none).</param>
/// <param name="Customer">The user id, else the anonymous id (resolved to a linked customer when stored).</param>
/// <param name="AnonymousId">The anonymous id when the message had no user id, else null.</param>
/// <param name="Activity">The event name (<c>Page Viewed</c> / <c>Screen Viewed</c> for page and screen calls).</param>
/// <param name="TimestampMilliseconds">The corrected time: receivedAt − (sentAt − timestamp), UTC milliseconds.</param>
/// <param name="Channel"><c>properties.channel</c>, else <c>context.channel</c>, else null.</param>
/// <param name="Properties">The message's <c>properties</c> as strings (numbers and booleans as sent, objects as JSON),
/// without <c>channel</c>, which is <paramref name="Channel"/>.</param>
/// <param name="ReceivedAtMilliseconds">When the server received it.</param>
/// <param name="Future">True when the corrected time is more than <see cref="TrackingLimits.FutureTolerance"/> ahead.</param>
/// <param name="Fingerprint">SHA-256 of the message without <c>sentAt</c>: the same for a retry, different for another message.</param>
/// <param name="Payload">The message as sent (JSON), kept when its id conflicts with a stored one.</param>
public sealed record TrackedEvent(int Index, string MessageId, string Customer, string? AnonymousId, string Activity, long TimestampMilliseconds, string? Channel,
    IReadOnlyList<KeyValuePair<string, string>>? Properties, long ReceivedAtMilliseconds, bool Future, string Fingerprint, string Payload);
