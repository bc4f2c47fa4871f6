using System.Text;
using Waymark.Application.Tracking;

namespace Waymark.Application.Tests.Tracking;

/// <summary>Reading Segment-shaped batches: Segment's clock-skew formula, fingerprints, ids, channels, per-message rejections.</summary>
public sealed class TrackingBatchReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static TrackingBatch Read(string body) => TrackingBatchReader.Read(Encoding.UTF8.GetBytes(body), TrackingKind.Events, Received).Value;

    [Theory]
    // Segment's worked case: the device clock is 1 h behind; the event happened 10 s before sending.
    [InlineData("2026-11-20T10:59:40Z", "2026-11-20T10:59:50Z", null, "2026-11-20T11:59:50Z")]
    // The batch's sentAt applies when the message has none.
    [InlineData("2026-11-20T13:00:00Z", null, "2026-11-20T13:00:05Z", "2026-11-20T11:59:55Z")]
    // Without sentAt the timestamp is taken as sent; without a timestamp, the time of receipt.
    [InlineData("2026-11-19T08:00:00+02:00", null, null, "2026-11-19T06:00:00Z")]
    [InlineData(null, null, "2026-11-20T13:00:05Z", "2026-11-20T12:00:00Z")]
    public void Timestamp_IsReceivedAtMinusTheSendersDelay(string? timestamp, string? sentAt, string? batchSentAt, string expected)
    {
        var message = $"{{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"{(timestamp is null ? "" : $",\"timestamp\":\"{timestamp}\"")}{(sentAt is null ? "" : $",\"sentAt\":\"{sentAt}\"")}}}";

        var batch = Read($"{{{(batchSentAt is null ? "" : $"\"sentAt\":\"{batchSentAt}\",")}\"batch\":[{message}]}}");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), Assert.Single(batch.Events).TimestampMilliseconds);
    }

    [Fact]
    public void Fingerprint_IgnoresSentAtAndWriteKey_ButNotTheRest()
    {
        string Fingerprint(string message) => Assert.Single(Read($"{{\"batch\":[{message}]}}").Events).Fingerprint;
        var original = Fingerprint("{\"type\":\"track\",\"messageId\":\"m\",\"userId\":\"u\",\"event\":\"E\",\"sentAt\":\"2026-11-20T10:00:00Z\"}");

        Assert.Equal(original, Fingerprint("{\"type\":\"track\",\"messageId\":\"m\",\"userId\":\"u\",\"event\":\"E\",\"sentAt\":\"2026-11-20T10:05:00Z\",\"writeKey\":\"k\"}"));
        Assert.NotEqual(original, Fingerprint("{\"type\":\"track\",\"messageId\":\"m\",\"userId\":\"u\",\"event\":\"F\",\"sentAt\":\"2026-11-20T10:00:00Z\"}"));
    }

    [Fact]
    public void Messages_WithoutAnId_GetOneFromTheirFingerprint_SoRetriesStillMatch()
    {
        var first = Assert.Single(Read("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}]}").Events);
        var retry = Assert.Single(Read("{\"sentAt\":\"2026-11-20T11:00:00Z\",\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}]}").Events);

        Assert.Equal($"fp-{first.Fingerprint}", first.MessageId);
        Assert.Equal(first.MessageId, retry.MessageId);
    }

    [Fact]
    public void ChannelCustomerAndProperties_AreTakenAsSegmentSendsThem()
    {
        var batch = Read("""
            {"batch":[
              {"type":"track","userId":42,"anonymousId":"a","event":" Ordered ","properties":{"channel":"app","total":19.5,"gift":true,"items":[1,2],"none":null},"context":{"channel":"server"}},
              {"type":"page","anonymousId":"a","name":"Pricing","context":{"channel":"browser"}},
              {"type":"screen","userId":"undefined","anonymousId":"b"},
              {"type":"identify","userId":"u","anonymousId":"a","traits":{"plan":"pro"}}
            ]}
            """);

        Assert.Equal([("42", null, "Ordered", "app"), ("a", "a", "Page Viewed", "browser"), ("b", "b", "Screen Viewed", null)],
            batch.Events.Select(item => (item.Customer, item.AnonymousId, item.Activity, item.Channel)));
        Assert.Equal(["total=19.5", "gift=true", "items=[1,2]"], batch.Events[0].Properties!.Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.Equal("name=Pricing", Assert.Single(batch.Events[1].Properties!) is var (name, value) ? $"{name}={value}" : "");
        var identify = Assert.Single(batch.Identifies);
        Assert.Equal(("u", "a", "pro"), (identify.Customer, identify.AnonymousId, identify.Traits["plan"]));
    }

    [Theory]
    [InlineData("{\"type\":\"track\",\"userId\":\"null\",\"event\":\"E\"}", "message.missing-customer")]
    [InlineData("{\"type\":\"track\",\"userId\":\"u\"}", "track.invalid-event")]
    [InlineData("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"yesterday\"}", "message.invalid-timestamp")]
    [InlineData("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"0001-01-01T00:00:00Z\",\"sentAt\":\"9999-12-31T00:00:00Z\"}", "message.invalid-timestamp")]
    [InlineData("{\"type\":\"alias\",\"userId\":\"u\"}", "message.unsupported-type")]
    [InlineData("\"text\"", "message.not-object")]
    public void BadMessages_AreRejectedAlone(string message, string code)
    {
        var batch = Read($"{{\"batch\":[{message},{{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Fine\"}}]}}");

        Assert.Equal(code, Assert.Single(batch.Rejections).Code);
        Assert.Equal("Fine", Assert.Single(batch.Events).Activity);
    }
}
