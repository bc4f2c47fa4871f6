using System.Globalization;
using System.Text.Json;

namespace Waymark.Application.Tracking;

/// <summary>Reads an ingestion request body: <c>{"batch": [...], "sentAt": ..., "writeKey": ...}</c>. A body that is
/// not such an object fails as a whole (400, or 413 over a limit); each message is then validated on its own, and a
/// bad one is rejected without failing the others.</summary>
/// <remarks>Times are ISO 8601 strings; an offset-less time is UTC. An event's time is corrected for the sender's
/// clock as <c>receivedAt − (sentAt − timestamp)</c> when both are given (the message's own <c>sentAt</c>, else the
/// batch's), taken as sent without <c>sentAt</c>, and is <c>receivedAt</c> without <c>timestamp</c>. A message
/// without a <c>messageId</c> gets <c>fp-</c> and its fingerprint, so its retries are still recognised.</remarks>
public static partial class TrackingBatchReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Reads and validates a body. Errors: <c>ingest.malformed</c> (not UTF-8, not JSON, a duplicate member, too deep),
    /// <c>ingest.batch-missing</c>, <c>ingest.batch-empty</c> (400); <c>ingest.too-many-messages</c>,
    /// <c>ingest.message-too-large</c> (413).</summary>
    public static Result<TrackingBatch> Read(ReadOnlyMemory<byte> body, TrackingKind kind, DateTimeOffset receivedAt)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return Malformed("The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException exception)
        {
            return Malformed($"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {FirstSentence(exception.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Malformed("The body must be a JSON object with a \"batch\" array.");
            }

            if (!root.TryGetProperty("batch", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return new Error("ingest.batch-missing", "The body has no \"batch\" array of messages.", ErrorKind.Validation);
            }

            var count = messages.GetArrayLength();
            if (count == 0)
            {
                return new Error("ingest.batch-empty", "The batch has no messages.", ErrorKind.Validation);
            }

            if (count > TrackingLimits.MaxMessagesPerBatch)
            {
                return new Error("ingest.too-many-messages", $"A batch holds at most {TrackingLimits.MaxMessagesPerBatch} messages; this one has {count}. Split it.", ErrorKind.TooLarge);
            }

            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                var size = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(message).Length;
                if (size > TrackingLimits.MaxMessageBytes)
                {
                    return new Error("ingest.message-too-large", $"Message {index} is {size} bytes; a message may be at most {TrackingLimits.MaxMessageBytes} bytes.", ErrorKind.TooLarge)
                    {
                        Details = new Dictionary<string, object> { ["index"] = index },
                    };
                }

                index++;
            }

            var writeKey = root.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String ? JsonText.StringOf(key) : null;
            var sentAt = root.TryGetProperty("sentAt", out var sent) ? TimeOf(sent) : null;
            var batch = new TrackingBatch(kind, writeKey, receivedAt, sentAt is { IsValid: true } ? sentAt.Value.Time : null) { MessageCount = count };
            index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                if (kind == TrackingKind.Events)
                {
                    ReadEvent(batch, index++, message);
                }
                else
                {
                    ReadAnswer(batch, index++, message);
                }
            }

            return batch;
        }
    }

    private static Error Malformed(string message) => new("ingest.malformed", message, ErrorKind.Validation);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>A time member: absent (null), or read (valid or not).</summary>
    private static (bool IsValid, DateTimeOffset Time)? TimeOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(JsonText.StringOf(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? (true, time)
            : (false, default);
    }
}
