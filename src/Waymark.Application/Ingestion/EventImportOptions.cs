namespace Waymark.Application.Ingestion;

/// <summary>How an event file is read. The column and attribute names default to PM4Py's.</summary>
public sealed record EventImportOptions
{
    /// <summary>The customer (case) id column or attribute.</summary>
    public string Customer { get; init; } = "case:concept:name";

    /// <summary>The activity (event name) column or attribute.</summary>
    public string Activity { get; init; } = "concept:name";

    /// <summary>The timestamp column or attribute.</summary>
    public string Timestamp { get; init; } = "time:timestamp";

    /// <summary>The channel column or event attribute, or null for none.</summary>
    public string? Channel { get; init; }

    /// <summary>The CSV delimiter, or null to detect it from the header line (comma, semicolon, tab or bar).</summary>
    public char? Delimiter { get; init; }

    /// <summary>Keep only events with this <c>lifecycle:transition</c> (XES and CSV), or null to keep all.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>True: the first bad row stops the import with an error. False: bad rows are skipped and reported.</summary>
    public bool FailOnBadRow { get; init; } = true;

    /// <summary>How many bad rows the report lists in full; all are counted.</summary>
    public int MaxReportedBadRows { get; init; } = 1000;
}
