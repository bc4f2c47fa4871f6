using System.IO.Compression;
using Waymark.Analytics.EventLogs;

namespace Waymark.Application.Ingestion;

/// <summary>Reads an event file by its extension: <c>.csv</c>, <c>.xes</c>, <c>.xes.gz</c>, <c>.ndjson</c>/<c>.jsonl</c>.</summary>
public static class EventFileReader
{
    /// <summary>The formats by name, as the CLI and API accept them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xes", "xes.gz", "ndjson"];

    /// <summary>The format of a file name, or null when the extension is not one of <see cref="Formats"/>.</summary>
    public static string? FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = fileName.ToLowerInvariant();
        return name.EndsWith(".xes.gz", StringComparison.Ordinal) ? "xes.gz"
            : name.EndsWith(".xes", StringComparison.Ordinal) ? "xes"
            : name.EndsWith(".csv", StringComparison.Ordinal) ? "csv"
            : name.EndsWith(".ndjson", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal) ? "ndjson"
            : null;
    }

    /// <summary>Reads <paramref name="stream"/> in <paramref name="format"/> into an analytics event log.</summary>
    public static Result<EventImportReport> Read(Stream stream, string format, EventImportOptions options, EventLogBuilder builder) =>
        Read(stream, format, options, new EventLogSink(builder));

    /// <summary>Reads <paramref name="stream"/> in <paramref name="format"/> into <paramref name="builder"/>.</summary>
    public static Result<EventImportReport> Read(Stream stream, string format, EventImportOptions options, IEventSink builder)
    {
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case "csv":
                using (var reader = new StreamReader(stream, leaveOpen: true))
                {
                    return CsvEventReader.Read(reader, options, builder);
                }

            case "xes":
                return XesEventReader.Read(stream, options, builder);
            case "xes.gz":
                using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
                {
                    return XesEventReader.Read(gzip, options, builder);
                }

            case "ndjson":
                using (var reader = new StreamReader(stream, leaveOpen: true))
                {
                    return NdjsonEventReader.Read(reader, options, builder);
                }

            default:
                return new Error("import.unknown-format", $"'{format}' is not a format Waymark reads; use one of {string.Join(", ", Formats)}.", ErrorKind.Validation);
        }
    }
}
