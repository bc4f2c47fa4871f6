namespace Waymark.Application.Ingestion;

/// <summary>Counts rows while a reader runs and decides what a bad row does.</summary>
internal sealed class ImportTally(EventImportOptions options)
{
    private readonly List<BadRow> _badRows = [];

    public long Rows { get; set; }

    public long Imported { get; set; }

    public long Filtered { get; set; }

    public long BadRowCount { get; private set; }

    /// <summary>Records a bad row; returns the error to stop with when the options say fail.</summary>
    public Error? Bad(long line, string reason)
    {
        BadRowCount++;
        if (_badRows.Count < options.MaxReportedBadRows)
        {
            _badRows.Add(new BadRow(line, reason));
        }

        return options.FailOnBadRow
            ? new Error("import.bad-row", $"Line {line}: {reason} (use --on-error skip to import the other rows and list the bad ones).", ErrorKind.Validation)
            {
                Fields = new Dictionary<string, string[]> { [$"line {line}"] = [reason] },
            }
            : null;
    }

    public EventImportReport Report() => new(Rows, Imported, Filtered, BadRowCount, _badRows);
}
