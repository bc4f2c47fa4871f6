namespace Waymark.Application.Ingestion;

/// <summary>A row or event that could not be imported.</summary>
/// <param name="Line">The 1-based line where it starts in the file.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record BadRow(long Line, string Reason);
