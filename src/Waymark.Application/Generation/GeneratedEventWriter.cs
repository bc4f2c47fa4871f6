using System.Globalization;
using System.Text.Json;

namespace Waymark.Application.Generation;

/// <summary>Writes generated events as CSV (PM4Py's column names, <c>case:segment</c> as a customer property) or as
/// NDJSON in the Segment shape (an <c>identify</c> call with the segment before each customer's <c>track</c> calls).</summary>
public sealed class GeneratedEventWriter(TextWriter writer, string format)
{
    private string? _lastCustomer;

    /// <summary>Writes the header, if the format has one.</summary>
    public void Begin()
    {
        if (format == "csv")
        {
            writer.Write("case:concept:name,concept:name,time:timestamp,channel,case:segment,score\n");
        }
    }

    /// <summary>Writes one event.</summary>
    public void Write(GeneratedEvent item)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(item.TimestampMilliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (format == "csv")
        {
            writer.Write($"{item.Customer},{item.Activity},{time},{item.Channel},{item.Segment},{item.Score?.ToString(CultureInfo.InvariantCulture)}\n");
            return;
        }

        if (!string.Equals(item.Customer, _lastCustomer, StringComparison.Ordinal))
        {
            _lastCustomer = item.Customer;
            writer.Write(JsonSerializer.Serialize(new { type = "identify", userId = item.Customer, traits = new { segment = item.Segment } }));
            writer.Write('\n');
        }

        writer.Write(JsonSerializer.Serialize(new
        {
            type = "track",
            userId = item.Customer,
            @event = item.Activity,
            timestamp = time,
            messageId = $"{item.Customer}-{item.TimestampMilliseconds.ToString(CultureInfo.InvariantCulture)}-{item.Activity}",
            properties = item.Score is { } score ? (object)new { channel = item.Channel, score } : new { channel = item.Channel },
        }));
        writer.Write('\n');
    }
}
