namespace Waymark.Storage.Relational;

/// <summary>One ingested event as the <c>events</c> table takes it.</summary>
/// <param name="Sequence">Its sequence, if it is stored (a duplicate leaves a gap).</param>
/// <param name="Customer">The customer it was resolved to.</param>
/// <param name="Activity">The event name.</param>
/// <param name="OccurredAt">Corrected time, epoch milliseconds.</param>
/// <param name="Channel">Channel or null.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Properties">Properties as a JSON object of strings, or null.</param>
/// <param name="Fingerprint">The message's fingerprint.</param>
/// <param name="AnonymousId">The anonymous id of an event sent without a user id.</param>
/// <param name="ReceivedAt">When it arrived, epoch milliseconds.</param>
/// <param name="Flags"><c>future</c>, or null.</param>
public sealed record TrackedEventRow(long Sequence, string Customer, string Activity, long OccurredAt, string? Channel, string MessageId, string? Properties, string Fingerprint, string? AnonymousId, long ReceivedAt, string? Flags);
