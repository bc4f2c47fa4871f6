namespace Waymark.Application.Tracking;

/// <summary>A request's batch, read and validated: what to store, what to reject, what to warn about.</summary>
/// <param name="Kind"><see cref="TrackingKind.Events"/> or <see cref="TrackingKind.Answers"/>.</param>
/// <param name="WriteKey">The <c>writeKey</c> field of the body, or null (the key may come in a header instead).</param>
/// <param name="ReceivedAt">When the server received the request.</param>
/// <param name="SentAt">The batch's <c>sentAt</c>, or null.</param>
public sealed record TrackingBatch(TrackingKind Kind, string? WriteKey, DateTimeOffset ReceivedAt, DateTimeOffset? SentAt)
{
    /// <summary>The failed message this batch replays, or null.</summary>
    public Guid? ReplayOf { get; init; }

    /// <summary>The messages in the batch, in total.</summary>
    public int MessageCount { get; init; }

    /// <summary>Valid track, page and screen messages.</summary>
    public List<TrackedEvent> Events { get; } = [];

    /// <summary>Valid identify messages.</summary>
    public List<TrackedIdentify> Identifies { get; } = [];

    /// <summary>Valid survey answers.</summary>
    public List<TrackedAnswer> Answers { get; } = [];

    /// <summary>Messages that failed validation.</summary>
    public List<TrackingRejection> Rejections { get; } = [];

    /// <summary>Accepted messages worth a note (index, code, reason): an event time far in the future.</summary>
    public List<TrackingRejection> Warnings { get; } = [];
}
