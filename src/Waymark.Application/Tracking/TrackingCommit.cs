using Waymark.Application.Events;

namespace Waymark.Application.Tracking;

/// <summary>What storing one request's batch did.</summary>
public sealed class TrackingCommit
{
    /// <summary>Events and answers stored.</summary>
    public int Stored { get; set; }

    /// <summary>Messages whose id and payload were already stored (retries): dropped.</summary>
    public int Duplicates { get; set; }

    /// <summary>Messages that reused a stored id with another payload: kept aside as conflicts.</summary>
    public int Conflicts { get; set; }

    /// <summary>The stored events, in sequence order, with the customer each was resolved to.</summary>
    public List<RecordedEvent> Events { get; } = [];

    /// <summary>Each stored event's sequence, in the order of <see cref="Events"/> (ascending; there may be gaps).</summary>
    public List<long> Sequences { get; } = [];

    /// <summary>The workspace's highest stored event sequence after this batch.</summary>
    public long LastSequence { get; set; }

    /// <summary>Customers whose properties the batch's identify calls changed, with all their properties.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>How many stored events an identify call moved from an anonymous id to its customer.</summary>
    public int Relinked { get; set; }
}
