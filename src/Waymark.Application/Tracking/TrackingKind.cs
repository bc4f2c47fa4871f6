namespace Waymark.Application.Tracking;

/// <summary>What an ingestion request carries.</summary>
public enum TrackingKind
{
    /// <summary>Segment-shaped track, identify, page and screen messages (<c>/ingest/batch</c>).</summary>
    Events,

    /// <summary>Survey answers (<c>/ingest/responses</c>).</summary>
    Answers,
}
