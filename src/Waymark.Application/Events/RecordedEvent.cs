namespace Waymark.Application.Events;

/// <summary>One recorded interaction as the event store keeps it.</summary>
/// <param name="Customer">The customer id.</param>
/// <param name="Activity">The event name.</param>
/// <param name="TimestampMilliseconds">UTC milliseconds since the Unix epoch.</param>
/// <param name="Channel">The channel, or null.</param>
/// <param name="MessageId">The sender's id for deduplication, or null.</param>
/// <param name="Properties">The event's other properties (name, value), or null.</param>
public sealed record RecordedEvent(string Customer, string Activity, long TimestampMilliseconds, string? Channel, string? MessageId, IReadOnlyList<KeyValuePair<string, string>>? Properties = null)
{
    /// <summary>The properties as a JSON object of strings, as the store keeps them; null without properties.</summary>
    public string? PropertiesJson()
    {
        if (Properties is not { Count: > 0 })
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in Properties)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Properties read back from the store's JSON object (null or empty gives null).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? ParseProperties(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(property => new KeyValuePair<string, string>(property.Name, property.Value.GetString() ?? ""))];
    }
}
