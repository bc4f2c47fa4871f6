using System.Text.Json;
using Waymark.Application.Evidence;

namespace Waymark.Application.Tracking;

public static partial class TrackingBatchReader
{
    /// <summary>What every message has: ids, its fingerprint and payload, its corrected time.</summary>
    private sealed record Common(string MessageId, string? UserId, string? AnonymousId, string Fingerprint, string Payload, long Timestamp, bool Future);

    private static void ReadEvent(TrackingBatch batch, int index, JsonElement message)
    {
        if (ReadCommon(batch, index, message) is not { } common)
        {
            return;
        }

        var type = message.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
        var customer = common.UserId ?? common.AnonymousId!;
        var anonymousId = common.UserId is null ? common.AnonymousId : null;
        switch (type)
        {
            case "identify":
                var traits = message.TryGetProperty("traits", out var traitValues) ? JsonText.Flatten(traitValues) : [];
                batch.Identifies.Add(new TrackedIdentify(index, customer, common.UserId is null ? null : common.AnonymousId,
                    traits.DistinctBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal)));
                return;
            case "track" or "page" or "screen":
                var properties = message.TryGetProperty("properties", out var propertyValues) ? JsonText.Flatten(propertyValues) : [];
                var activity = type switch
                {
                    "track" => message.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String ? JsonText.StringOf(name).Trim() : "",
                    "page" => "Page Viewed",
                    _ => "Screen Viewed",
                };
                if (activity.Length is 0 or > TrackingLimits.MaxNameLength)
                {
                    Reject(batch, index, common.MessageId, "track.invalid-event", $"A track message needs an \"event\" name of 1 to {TrackingLimits.MaxNameLength} characters.", common.Payload);
                    return;
                }

                if (type != "track" && message.TryGetProperty("name", out var pageName) && JsonText.ValueOf(pageName) is { } page)
                {
                    properties.Insert(0, new KeyValuePair<string, string>("name", page));
                }

                if (common.Future)
                {
                    batch.Warnings.Add(new TrackingRejection(index, common.MessageId, "timestamp.future", "The event's time is more than 23 hours ahead of the server's; it is stored and flagged.", ""));
                }

                var channel = ChannelOf(message, properties);
                properties.RemoveAll(pair => pair.Key == "channel"); // the channel is a column of its own, as in file imports
                batch.Events.Add(new TrackedEvent(index, common.MessageId, customer, anonymousId, activity, common.Timestamp, channel,
                    properties.Count == 0 ? null : properties, batch.ReceivedAt.ToUnixTimeMilliseconds(), common.Future, common.Fingerprint, common.Payload));
                return;
            default:
                Reject(batch, index, common.MessageId, "message.unsupported-type",
                    type is null ? "The message has no \"type\" (track, identify, page or screen)." : $"Type \"{type}\" is not taken; send track, identify, page or screen.", common.Payload);
                return;
        }
    }

    private static void ReadAnswer(TrackingBatch batch, int index, JsonElement message)
    {
        if (ReadCommon(batch, index, message) is not { } common)
        {
            return;
        }

        var touchpoint = JsonText.IdOf(message, "touchpoint");
        var subject = touchpoint ?? JsonText.IdOf(message, "stage");
        var metric = SurveyResponse.MetricOf(message.TryGetProperty("metric", out var metricValue) && metricValue.ValueKind == JsonValueKind.String ? metricValue.GetString() : null);
        int? score = message.TryGetProperty("score", out var scoreValue) && scoreValue.ValueKind == JsonValueKind.Number && scoreValue.TryGetInt32(out var whole) ? whole : null;
        var customer = common.UserId ?? common.AnonymousId!;
        if (SurveyResponse.Problem(customer, subject, metric, score, common.Timestamp) is { } problem)
        {
            Reject(batch, index, common.MessageId, "response.invalid", $"The answer has {problem}.", common.Payload);
            return;
        }

        if (subject!.Length > TrackingLimits.MaxNameLength)
        {
            Reject(batch, index, common.MessageId, "response.invalid", $"The touchpoint or stage is longer than {TrackingLimits.MaxNameLength} characters.", common.Payload);
            return;
        }

        var comment = message.TryGetProperty("comment", out var commentValue) && commentValue.ValueKind == JsonValueKind.String ? JsonText.StringOf(commentValue).Trim() : null;
        var response = new SurveyResponse(customer, subject, metric!.Value, score!.Value, string.IsNullOrEmpty(comment) ? null : comment, DateTimeOffset.FromUnixTimeMilliseconds(common.Timestamp));
        batch.Answers.Add(new TrackedAnswer(index, common.MessageId, response, common.UserId is null ? common.AnonymousId : null, common.Fingerprint, common.Payload));
    }

    private static Common? ReadCommon(TrackingBatch batch, int index, JsonElement message)
    {
        var payload = message.GetRawText();
        if (message.ValueKind != JsonValueKind.Object)
        {
            Reject(batch, index, null, "message.not-object", "A message must be a JSON object.", payload);
            return null;
        }

        var fingerprint = JsonText.Fingerprint(message);
        var sentId = message.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? JsonText.StringOf(id).Trim() : null;
        var messageId = string.IsNullOrEmpty(sentId) ? $"fp-{fingerprint}" : sentId;
        if (messageId.Length > TrackingLimits.MaxNameLength)
        {
            Reject(batch, index, null, "message.invalid-id", $"A messageId may be at most {TrackingLimits.MaxNameLength} characters.", payload);
            return null;
        }

        var userId = JsonText.IdOf(message, "userId");
        var anonymousId = JsonText.IdOf(message, "anonymousId");
        if (userId is null && anonymousId is null)
        {
            Reject(batch, index, messageId, "message.missing-customer", "The message has neither a userId nor an anonymousId.", payload);
            return null;
        }

        if (userId?.Length > TrackingLimits.MaxNameLength || anonymousId?.Length > TrackingLimits.MaxNameLength)
        {
            Reject(batch, index, messageId, "message.invalid-customer", $"A userId or anonymousId may be at most {TrackingLimits.MaxNameLength} characters.", payload);
            return null;
        }

        var timestamp = message.TryGetProperty("timestamp", out var time) ? TimeOf(time) : message.TryGetProperty("originalTimestamp", out var original) ? TimeOf(original) : null;
        var sentAt = message.TryGetProperty("sentAt", out var sent) ? TimeOf(sent) : null;
        if (timestamp is { IsValid: false } || sentAt is { IsValid: false })
        {
            Reject(batch, index, messageId, "message.invalid-timestamp", "timestamp and sentAt must be ISO 8601 strings, such as 2026-11-29T21:05:00.123Z.", payload);
            return null;
        }

        var receivedAt = batch.ReceivedAt;
        var clientSentAt = sentAt?.Time ?? batch.SentAt;
        DateTimeOffset corrected;
        try
        {
            corrected = timestamp is not { } stamped ? receivedAt : clientSentAt is { } clock ? receivedAt - (clock - stamped.Time) : stamped.Time;
        }
        catch (ArgumentOutOfRangeException)
        {
            Reject(batch, index, messageId, "message.invalid-timestamp", "timestamp and sentAt are too far apart to correct the sender's clock.", payload);
            return null;
        }

        var future = corrected - receivedAt > TrackingLimits.FutureTolerance;
        return new Common(messageId, userId, anonymousId, fingerprint, payload, corrected.ToUnixTimeMilliseconds(), future);
    }

    private static string? ChannelOf(JsonElement message, List<KeyValuePair<string, string>> properties)
    {
        foreach (var (name, value) in properties)
        {
            if (name == "channel" && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return message.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String && JsonText.StringOf(channel).Trim() is { Length: > 0 } text
            ? text
            : null;
    }

    private static void Reject(TrackingBatch batch, int index, string? messageId, string code, string reason, string payload) =>
        batch.Rejections.Add(new TrackingRejection(index, messageId, code, reason, payload));
}
