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

    /// <summary>Reads non-blank lines one at a time, counting rows; <paramref name="readLine"/> returns the reason a
    /// line is bad, or null (it counts what it imports).</summary>
    public Result<EventImportReport> ReadLines(TextReader text, Func<string, string?> readLine)
    {
        long line = 0;
        while (text.ReadLine() is { } row)
        {
            line++;
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            Rows++;
            if (readLine(row) is { } problem && Bad(line, problem) is { } error)
            {
                return error;
            }
        }

        return Report();
    }
}
