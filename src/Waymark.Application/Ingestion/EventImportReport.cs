namespace Waymark.Application.Ingestion;

/// <summary>What an import read.</summary>
/// <param name="Rows">Rows (CSV, NDJSON lines) or events (XES) read.</param>
/// <param name="Imported">Events added to the log.</param>
/// <param name="Filtered">Events left out on purpose (the lifecycle filter).</param>
/// <param name="BadRowCount">Rows refused.</param>
/// <param name="BadRows">The first refused rows, with line and reason.</param>
public sealed record EventImportReport(long Rows, long Imported, long Filtered, long BadRowCount, IReadOnlyList<BadRow> BadRows);
