using System.Text.Json;

namespace Waymark.Application.Ingestion;

/// <summary>Reads newline-delimited JSON in the Segment shape: one call per line. A <c>track</c> call is an event
/// (<c>event</c> is the activity, <c>userId</c> or else <c>anonymousId</c> the customer, <c>timestamp</c> its time, the
/// channel from <c>properties.channel</c> or <c>context.channel</c>); an <c>identify</c> call sets the customer's
/// properties from <c>traits</c>. Other call types are counted and left out.</summary>
public static class NdjsonEventReader
{
    /// <summary>Reads every line into <paramref name="builder"/>. Errors: <c>import.bad-row</c>.</summary>
    public static Result<EventImportReport> Read(TextReader text, EventImportOptions options, IEventSink builder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(builder);
        var tally = new ImportTally(options);
        return tally.ReadLines(text, row => ReadLine(row, builder, tally));
    }

    private static string? ReadLine(string row, IEventSink builder, ImportTally tally)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(row);
        }
        catch (JsonException exception)
        {
            return $"not valid JSON: {exception.Message}";
        }

        using (document)
        {
            var call = document.RootElement;
            if (call.ValueKind != JsonValueKind.Object)
            {
                return "a line holds one JSON object";
            }

            var type = Text(call, "type") ?? "track";
            var customer = Text(call, "userId") ?? Text(call, "anonymousId");
            if (customer is null)
            {
                return "neither userId nor anonymousId is set";
            }

            if (type == "identify")
            {
                if (call.TryGetProperty("traits", out var traits) && traits.ValueKind == JsonValueKind.Object)
                {
                    builder.SetCustomerProperties(customer, traits.EnumerateObject().ToDictionary(trait => trait.Name, trait => trait.Value.ToString(), StringComparer.Ordinal));
                }

                tally.Filtered++;
                return null;
            }

            if (type != "track")
            {
                tally.Filtered++;
                return null;
            }

            var activity = Text(call, "event");
            var timestamp = Timestamps.Parse(Text(call, "timestamp"));
            if (string.IsNullOrEmpty(activity))
            {
                return "a track call needs an event name";
            }

            if (timestamp is null)
            {
                return "a track call needs a timestamp (ISO 8601 with an offset)";
            }

            var channel = Nested(call, "properties", "channel") ?? Nested(call, "context", "channel");
            List<KeyValuePair<string, string>>? properties = null;
            if (call.TryGetProperty("properties", out var bag) && bag.ValueKind == JsonValueKind.Object)
            {
                // Scalar fields of the Segment properties object are event properties (channel has its own column).
                foreach (var field in bag.EnumerateObject())
                {
                    if (field.Name != "channel" && field.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    {
                        (properties ??= []).Add(new KeyValuePair<string, string>(field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText()));
                    }
                }
            }

            builder.Add(customer, activity, timestamp.Value, channel, Text(call, "messageId"), properties);
            tally.Imported++;
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;

    private static string? Nested(JsonElement element, string parent, string name) =>
        element.TryGetProperty(parent, out var value) && value.ValueKind == JsonValueKind.Object ? Text(value, name) : null;
}
