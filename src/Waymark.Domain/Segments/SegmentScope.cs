namespace Waymark.Domain.Segments;

/// <summary>Whose properties a segment condition reads.</summary>
public enum SegmentScope
{
    /// <summary>A property of the customer (in process-mining files: a case attribute).</summary>
    Customer,

    /// <summary>A property of any of the customer's events: the customer is in the segment if one event has it.</summary>
    Event,
}
