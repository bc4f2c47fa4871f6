using System.Net;
using System.Text;
using Waymark.Application.Tracking;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Hostile and broken bodies on the ingestion API: each gets its status and problem code, nothing of a refused
/// request is stored, and the server keeps answering.</summary>
public sealed class IngestBadInputTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Time = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private Guid _workspace;
    private IngestClient _ingest = null!;

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync();
        _owner = await _server.SignUpAsync();
        _workspace = await _owner.FirstWorkspaceAsync();
        (_ingest, _, _) = await IngestClient.CreateAsync(_owner, _server.BaseAddress, _workspace);
    }

    public async Task DisposeAsync()
    {
        _ingest.Dispose();
        _owner.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<int> StoredEventsAsync() => (await _owner.GetJsonAsync($"/api/v1/workspaces/{_workspace}/analytics/dfg"))["events"]!.GetValue<int>();

    /// <summary>A batch body of exactly <paramref name="bytes"/> bytes: messages padded with a property.</summary>
    private static byte[] BodyOfSize(int bytes, string prefix)
    {
        var messages = new List<string>();
        var body = "";
        for (var i = 0; ; i++)
        {
            var next = $"{{\"type\":\"track\",\"messageId\":\"{prefix}-{i}\",\"userId\":\"pad\",\"event\":\"Padded\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"properties\":{{\"pad\":\"{new string('x', 20_000)}\"}}}}";
            var candidate = $"{{\"batch\":[{string.Join(",", messages.Append(next))}]}}";
            if (Encoding.UTF8.GetByteCount(candidate) > bytes)
            {
                var room = bytes - Encoding.UTF8.GetByteCount(body);
                var last = messages[^1];
                messages[^1] = last.Replace("\"pad\":\"", $"\"pad\":\"{new string('y', room)}", StringComparison.Ordinal);
                var filled = Encoding.UTF8.GetBytes($"{{\"batch\":[{string.Join(",", messages)}]}}");
                Assert.Equal(bytes, filled.Length);
                return filled;
            }

            messages.Add(next);
            body = candidate;
        }
    }

    public static TheoryData<string, string, HttpStatusCode, string> Malformed => new()
    {
        { "truncated", "{\"batch\":[{\"type\":\"track\",\"userId\":\"a\"", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "1,000 deep", "{\"batch\":[" + new string('[', 1000) + new string(']', 1000) + "]}", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "duplicate keys", "{\"batch\":[],\"batch\":[]}", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "duplicate keys in a message", "{\"batch\":[{\"type\":\"track\",\"userId\":\"a\",\"userId\":\"b\",\"event\":\"X\"}]}", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "NaN", "{\"batch\":[{\"type\":\"track\",\"userId\":\"a\",\"event\":\"X\",\"properties\":{\"v\":NaN}}]}", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "not an object", "[1,2,3]", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "empty body", "", HttpStatusCode.BadRequest, "ingest.malformed" },
        { "no batch", "{\"events\":[]}", HttpStatusCode.BadRequest, "ingest.batch-missing" },
        { "batch not an array", "{\"batch\":{}}", HttpStatusCode.BadRequest, "ingest.batch-missing" },
        { "empty batch", "{\"batch\":[]}", HttpStatusCode.BadRequest, "ingest.batch-empty" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedBodies_Are400_AndNothingIsStored(string name, string body, HttpStatusCode status, string code)
    {
        var response = await _ingest.PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes(body));

        await Session.ExpectProblemAsync(response, status, code);
        Assert.Equal(0, await StoredEventsAsync());
        Assert.True((await _server.Anonymous().GetAsync("/healthz")).IsSuccessStatusCode, name);
    }

    [Fact]
    public async Task InvalidUtf8_Is400()
    {
        var body = Encoding.UTF8.GetBytes("{\"batch\":[{\"type\":\"track\",\"userId\":\"a\",\"event\":\"X\"}]}");
        body[40] = 0xC3; // a lead byte followed by an ASCII byte
        await Session.ExpectProblemAsync(await _ingest.PostRawAsync("/api/v1/ingest/batch", body), HttpStatusCode.BadRequest, "ingest.malformed");
    }

    [Fact]
    public async Task LoneSurrogates_AndGiantNumbers_AreStoredAsText_NotRefused()
    {
        var body = "{\"batch\":[{\"type\":\"track\",\"messageId\":\"u-1\",\"userId\":\"ann\\uD800\",\"event\":\"Cut \\uDC00 off\",\"timestamp\":\"2026-11-20T10:00:00Z\"," +
            "\"properties\":{\"big\":1e400,\"neg\":-0,\"long\":123456789012345678901234567890,\"nested\":{\"a\":[1,2]}}}]}";

        var response = await _ingest.PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes(body));

        await _owner.ExpectAsync(response, HttpStatusCode.OK);
        var variants = await _owner.GetJsonAsync($"/api/v1/workspaces/{_workspace}/analytics/variants");
        Assert.Equal("Cut \uFFFD off", variants["variants"]![0]!["activities"]![0]!.GetValue<string>());
        var breakdown = await _owner.GetJsonAsync($"/api/v1/workspaces/{_workspace}/analytics/funnel?steps=Cut%20%EF%BF%BD%20off&breakdown=event:big");
        Assert.Contains("1e400", breakdown.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/xml", null, "ingest.unsupported-media-type")]
    [InlineData("multipart/form-data; boundary=x", null, "ingest.unsupported-media-type")]
    [InlineData("application/json; charset=utf-16", null, "ingest.unsupported-media-type")]
    [InlineData("application/json", "br", "ingest.unsupported-encoding")]
    public async Task OtherMediaTypesAndEncodings_Are415(string contentType, string? encoding, string code)
    {
        var response = await _ingest.PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes($"{{\"batch\":[{IngestClient.Track("m-1", "a", "X", Time)}]}}"), contentType, encoding);

        await Session.ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType, code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RequestsAtTheWireLimit_AreTaken_AndOneKiBOver_Are413(bool chunked)
    {
        var under = BodyOfSize(TrackingLimits.MaxRequestBytes - 1024, chunked ? "cu" : "u");
        var over = BodyOfSize(TrackingLimits.MaxRequestBytes + 1024, chunked ? "co" : "o");

        var taken = await _ingest.PostRawAsync("/api/v1/ingest/batch", under, chunked: chunked);
        var refused = await _ingest.PostRawAsync("/api/v1/ingest/batch", over, chunked: chunked);

        await _owner.ExpectAsync(taken, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("request.too-large", (await Session.ReadAsync(refused))["code"]!.GetValue<string>());
        Assert.True((await _server.Anonymous().GetAsync("/healthz")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task MessagesOverTheirLimit_AndBatchesOverAThousand_Are413_WithNothingStored()
    {
        var pad = new string('x', TrackingLimits.MaxMessageBytes);
        var tooBig = $"{{\"type\":\"track\",\"messageId\":\"big\",\"userId\":\"a\",\"event\":\"X\",\"properties\":{{\"pad\":\"{pad}\"}}}}";
        var overhead = Encoding.UTF8.GetByteCount(tooBig) - pad.Length;
        var atLimit = tooBig.Replace(pad, new string('x', TrackingLimits.MaxMessageBytes - overhead), StringComparison.Ordinal);
        var many = string.Join(",", Enumerable.Range(0, TrackingLimits.MaxMessagesPerBatch + 1).Select(i => $"{{\"type\":\"track\",\"messageId\":\"n{i}\",\"userId\":\"a\",\"event\":\"X\"}}"));
        var thousand = string.Join(",", Enumerable.Range(0, TrackingLimits.MaxMessagesPerBatch).Select(i => $"{{\"type\":\"track\",\"messageId\":\"t{i}\",\"userId\":\"a\",\"event\":\"X\"}}"));

        var big = await _ingest.BatchAsync($"{IngestClient.Track("ok", "a", "X", Time)},{tooBig}");
        var exact = await _ingest.BatchAsync(atLimit);
        var overCount = await _ingest.BatchAsync(many);
        var atCount = await _ingest.BatchAsync(thousand);

        var problem = await Session.ExpectProblemAsync(big, HttpStatusCode.RequestEntityTooLarge, "ingest.message-too-large");
        Assert.Equal(1, problem["index"]!.GetValue<int>());
        Assert.Equal(TrackingLimits.MaxMessageBytes, Encoding.UTF8.GetByteCount(atLimit));
        await _owner.ExpectAsync(exact, HttpStatusCode.OK);
        await Session.ExpectProblemAsync(overCount, HttpStatusCode.RequestEntityTooLarge, "ingest.too-many-messages");
        await _owner.ExpectAsync(atCount, HttpStatusCode.OK);
        Assert.Equal(1 + TrackingLimits.MaxMessagesPerBatch, await StoredEventsAsync());
    }

    [Fact]
    public async Task Gzip_IsInflated_AndABombIsRefusedAt5xTheWireLimit()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"batch\":[{IngestClient.Track("g-1", "a", "Zipped", Time)}]}}");
        var bomb = IngestClient.Gzip(Encoding.UTF8.GetBytes("{\"batch\":[{\"type\":\"track\",\"userId\":\"a\",\"event\":\"X\",\"properties\":{\"p\":\"" + new string('0', (5 * TrackingLimits.MaxRequestBytes) + 10) + "\"}}]}"));

        var zipped = await _ingest.PostRawAsync("/api/v1/ingest/batch", IngestClient.Gzip(body), encoding: "gzip");
        var exploded = await _ingest.PostRawAsync("/api/v1/ingest/batch", bomb, encoding: "gzip");
        var broken = await _ingest.PostRawAsync("/api/v1/ingest/batch", body, encoding: "gzip");

        await _owner.ExpectAsync(zipped, HttpStatusCode.OK);
        Assert.True(bomb.Length < 20_000, $"the bomb is {bomb.Length} bytes on the wire");
        await Session.ExpectProblemAsync(exploded, HttpStatusCode.RequestEntityTooLarge, "ingest.too-large-decompressed");
        await Session.ExpectProblemAsync(broken, HttpStatusCode.BadRequest, "ingest.malformed-gzip");
        Assert.Equal(1, await StoredEventsAsync());
    }

    [Fact]
    public async Task RepeatedMessageIds_InOneBatch_AreStoredOnce()
    {
        var message = IngestClient.Track("same", "a", "Once", Time);

        var response = await _ingest.BatchAsync(string.Join(",", Enumerable.Repeat(message, 50)));

        var json = await Session.ReadAsync(response);
        Assert.Equal((1, 49), (json["stored"]!.GetValue<int>(), json["duplicates"]!.GetValue<int>()));
        Assert.Equal(1, await StoredEventsAsync());
    }
}
