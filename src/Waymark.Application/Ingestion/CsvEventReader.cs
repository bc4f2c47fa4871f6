
namespace Waymark.Application.Ingestion;

/// <summary>Reads an event log from CSV: a header row, then one event per row. Columns other than customer,
/// activity, timestamp and channel are ignored, except <c>case:</c>-prefixed ones, which become customer properties
/// (the first row of each customer sets them).</summary>
public static class CsvEventReader
{
    /// <summary>Reads every row into <paramref name="builder"/>. Errors: <c>import.missing-column</c>, <c>import.malformed</c>, <c>import.bad-row</c>.</summary>
    public static Result<EventImportReport> Read(TextReader text, EventImportOptions options, IEventSink builder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builder);
        var header = text.ReadLine();
        if (header is null)
        {
            return new Error("import.empty", "The file is empty: a CSV event log starts with a header row.", ErrorKind.Validation);
        }

        var delimiter = options.Delimiter ?? CsvRecordReader.Detect(header);
        var columns = new List<string>();
        new CsvRecordReader(new StringReader(header), delimiter).Read(columns);
        var customer = columns.IndexOf(options.Customer);
        var activity = columns.IndexOf(options.Activity);
        var timestamp = columns.IndexOf(options.Timestamp);
        var channel = options.Channel is null ? -1 : columns.IndexOf(options.Channel);
        var lifecycle = columns.IndexOf("lifecycle:transition");
        var missing = new[] { (options.Customer, customer), (options.Activity, activity), (options.Timestamp, timestamp), (options.Channel ?? "", options.Channel is null ? 0 : channel) }
            .Where(column => column.Item2 < 0).Select(column => column.Item1).ToList();
        if (missing.Count > 0)
        {
            return new Error("import.missing-column", $"The header has no column {string.Join(", ", missing.Select(name => $"'{name}'"))}; it has: {string.Join(", ", columns)}. Name the columns with --customer, --activity, --timestamp and --channel.", ErrorKind.Validation);
        }

        var caseColumns = columns.Select((name, index) => (name, index)).Where(column => column.name.StartsWith("case:", StringComparison.Ordinal) && column.index != customer).ToList();
        // Every other column is an event property (org:resource, lifecycle:transition, …).
        var eventColumns = columns.Select((name, index) => (name, index))
            .Where(column => column.index != customer && column.index != activity && column.index != timestamp && column.index != channel && !column.name.StartsWith("case:", StringComparison.Ordinal))
            .ToList();
        var eventProperties = new List<KeyValuePair<string, string>>(eventColumns.Count);
        var tally = new ImportTally(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new CsvRecordReader(text, delimiter);
        var fields = new List<string>(columns.Count);
        while (true)
        {
            bool more;
            try
            {
                more = records.Read(fields);
            }
            catch (FormatException exception)
            {
                return new Error("import.malformed", $"The CSV is malformed: {exception.Message}.", ErrorKind.Validation);
            }

            if (!more)
            {
                break;
            }

            var line = records.RecordLine + 1;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            tally.Rows++;
            var problem = fields.Count != columns.Count
                ? $"the row has {fields.Count} fields, the header has {columns.Count}"
                : fields[customer].Length == 0 ? $"'{options.Customer}' is empty"
                : fields[activity].Length == 0 ? $"'{options.Activity}' is empty"
                : Timestamps.Parse(fields[timestamp]) is null ? $"'{fields[timestamp]}' is not a timestamp (ISO 8601 with an offset, such as 2011-10-11 13:45:40+02:00)"
                : null;
            if (problem is not null)
            {
                if (tally.Bad(line, problem) is { } error)
                {
                    return error;
                }

                continue;
            }

            if (options.Lifecycle is not null && lifecycle >= 0 && !string.Equals(fields[lifecycle], options.Lifecycle, StringComparison.OrdinalIgnoreCase))
            {
                tally.Filtered++;
                continue;
            }

            if (caseColumns.Count > 0 && seen.Add(fields[customer]))
            {
                builder.SetCustomerProperties(fields[customer], caseColumns.Where(column => fields[column.index].Length > 0).ToDictionary(column => column.name["case:".Length..], column => fields[column.index], StringComparer.Ordinal));
            }

            eventProperties.Clear();
            foreach (var (name, index) in eventColumns)
            {
                if (fields[index].Length > 0)
                {
                    eventProperties.Add(new KeyValuePair<string, string>(name, fields[index]));
                }
            }

            builder.Add(fields[customer], fields[activity], Timestamps.Parse(fields[timestamp])!.Value, channel >= 0 && fields[channel].Length > 0 ? fields[channel] : null, properties: eventProperties.Count > 0 ? eventProperties : null);
            tally.Imported++;
        }

        return tally.Report();
    }
}
