using System.Globalization;
using System.Text.Json;
using Waymark.Application.Ingestion;

namespace Waymark.Application.Evidence;

/// <summary>Reads survey answers from CSV or NDJSON. Fields: <c>customer</c>, <c>touchpoint</c> or <c>stage</c>,
/// <c>metric</c> (nps, csat, ces), <c>score</c>, <c>comment</c> (optional), <c>time</c> (or <c>timestamp</c>; ISO 8601
/// or a common date format, normalised to UTC). CSV has a header row and a detected delimiter. Every bad row is
/// reported with its line and reason; with <see cref="EventImportOptions.FailOnBadRow"/> the first one stops the read.</summary>
public static class SurveyResponseReader
{
    /// <summary>The format of a file name: csv or ndjson (also .jsonl), or null.</summary>
    public static string? FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv"
        : fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? "ndjson"
        : null;

    /// <summary>Reads every answer into <paramref name="responses"/>. Errors: <c>import.bad-row</c>, <c>import.bad-header</c>.</summary>
    public static Result<EventImportReport> Read(TextReader text, string format, EventImportOptions options, ICollection<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(responses);
        var tally = new ImportTally(options);
        return format == "csv" ? ReadCsv(text, options, tally, responses) : ReadNdjson(text, tally, responses);
    }

    private static Result<EventImportReport> ReadCsv(TextReader text, EventImportOptions options, ImportTally tally, ICollection<SurveyResponse> responses)
    {
        var header = text.ReadLine();
        if (header is null)
        {
            return tally.Report();
        }

        var delimiter = options.Delimiter ?? CsvRecordReader.Detect(header);
        var names = new List<string>();
        new CsvRecordReader(new StringReader(header), delimiter).Read(names);
        int Column(params string[] candidates) => names.FindIndex(name => candidates.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase));
        var (customer, touchpoint, stage, metric, score, comment, time) =
            (Column("customer", "userId"), Column("touchpoint"), Column("stage"), Column("metric"), Column("score"), Column("comment"), Column("time", "timestamp"));
        var missing = new[] { ("customer", customer), ("metric", metric), ("score", score), ("time", time) }.Where(column => column.Item2 < 0).Select(column => column.Item1).ToList();
        if (touchpoint < 0 && stage < 0)
        {
            missing.Add("touchpoint or stage");
        }

        if (missing.Count > 0)
        {
            return new Error("import.bad-header", $"The header lacks the column(s) {string.Join(", ", missing)}; it has: {string.Join(", ", names)}.", ErrorKind.Validation);
        }

        var reader = new CsvRecordReader(text, delimiter);
        var fields = new List<string>();
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read(fields);
            }
            catch (FormatException exception)
            {
                if (tally.Bad(reader.RecordLine + 1, exception.Message) is { } error)
                {
                    return error;
                }

                break;
            }

            if (!more)
            {
                break;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            tally.Rows++;
            string? Field(int index) => index >= 0 && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
            var subject = Field(touchpoint) ?? Field(stage);
            var parsedScore = int.TryParse(Field(score), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
            var problem = fields.Count != names.Count
                ? $"{fields.Count} fields where the header has {names.Count}"
                : Add(responses, Field(customer), subject, Field(metric), parsedScore, Field(comment), Field(time));
            if (problem is null)
            {
                tally.Imported++;
            }
            else if (tally.Bad(reader.RecordLine + 1, problem) is { } error)
            {
                return error;
            }
        }

        return tally.Report();
    }

    private static Result<EventImportReport> ReadNdjson(TextReader text, ImportTally tally, ICollection<SurveyResponse> responses) =>
        tally.ReadLines(text, row =>
        {
            try
            {
                using var document = JsonDocument.Parse(row);
                var answer = document.RootElement;
                var problem = answer.ValueKind != JsonValueKind.Object
                    ? "a line holds one JSON object"
                    : Add(responses, Text(answer, "customer") ?? Text(answer, "userId"), Text(answer, "touchpoint") ?? Text(answer, "stage"), Text(answer, "metric"),
                        answer.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number && score.TryGetInt32(out var value) ? value : null,
                        Text(answer, "comment"), Text(answer, "time") ?? Text(answer, "timestamp"));
                tally.Imported += problem is null ? 1 : 0;
                return problem;
            }
            catch (JsonException exception)
            {
                return $"not valid JSON: {exception.Message}";
            }
        });

    private static string? Add(ICollection<SurveyResponse> responses, string? customer, string? subject, string? metricName, int? score, string? comment, string? time)
    {
        var metric = SurveyResponse.MetricOf(metricName);
        var timestamp = Timestamps.Parse(time);
        var problem = SurveyResponse.Problem(customer, subject, metric, score, timestamp);
        if (problem is null)
        {
            responses.Add(new SurveyResponse(customer!, subject!, metric!.Value, score!.Value, string.IsNullOrWhiteSpace(comment) ? null : comment, DateTimeOffset.FromUnixTimeMilliseconds(timestamp!.Value)));
        }

        return problem;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
