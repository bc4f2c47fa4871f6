namespace Waymark.Application.Tracking;

/// <summary>The ingestion API's limits (Segment's, with PostHog's decompressed budget); over any of them the whole
/// request gets 413 and nothing is stored.</summary>
public static class TrackingLimits
{
    /// <summary>The largest message (one element of <c>batch</c>, as sent), in bytes: 32 KiB.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>The largest request body on the wire, in bytes: 500 KiB.</summary>
    public const int MaxRequestBytes = 500 * 1024;

    /// <summary>The largest body after gzip is undone, in bytes: five times the wire limit.</summary>
    public const int MaxDecompressedBytes = 5 * MaxRequestBytes;

    /// <summary>The most messages in one batch.</summary>
    public const int MaxMessagesPerBatch = 1000;

    /// <summary>The longest id, event name or subject, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>How far ahead of the server a corrected event time may be before the event is flagged as future.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(23);
}
