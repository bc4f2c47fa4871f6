using Waymark.Application.Evidence;

namespace Waymark.Application.Tracking;

/// <summary>A valid survey answer sent to the ingestion API, ready to store.</summary>
/// <param name="Index">Its position in the request's batch.</param>
/// <param name="MessageId">The sender's id for deduplication (or one made from the fingerprint).</param>
/// <param name="Response">The answer; its customer is the user id, else the anonymous id (resolved when stored).</param>
/// <param name="AnonymousId">The anonymous id when the answer had no user id, else null.</param>
/// <param name="Fingerprint">SHA-256 of the message without <c>sentAt</c>.</param>
/// <param name="Payload">The message as sent (JSON).</param>
public sealed record TrackedAnswer(int Index, string MessageId, SurveyResponse Response, string? AnonymousId, string Fingerprint, string Payload);
