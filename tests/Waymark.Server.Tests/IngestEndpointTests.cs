using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>The ingestion API through real HTTP: what is stored, deduplicated, kept aside, and how keys are checked.</summary>
public sealed class IngestEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Time = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private Guid _workspace;
    private IngestClient _ingest = null!;
    private string _keyId = null!;

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync();
        _owner = await _server.SignUpAsync();
        _workspace = await _owner.FirstWorkspaceAsync();
        (_ingest, _, _keyId) = await IngestClient.CreateAsync(_owner, _server.BaseAddress, _workspace);
    }

    public async Task DisposeAsync()
    {
        _ingest.Dispose();
        _owner.Dispose();
        await _server.DisposeAsync();
    }

    private string Workspace => $"/api/v1/workspaces/{_workspace}";

    private async Task<JsonNode> ExpectOkAsync(HttpResponseMessage response)
    {
        await _owner.ExpectAsync(response, HttpStatusCode.OK);
        return await Session.ReadAsync(response);
    }

    private async Task<JsonNode> DfgAsync() => await _owner.GetJsonAsync($"{Workspace}/analytics/dfg");

    [Fact]
    public async Task Batch_IsStored_ThenARetryIsADuplicate_AndAReusedIdWithAnotherPayloadIsKeptAside()
    {
        var messages = string.Join(",", IngestClient.Track("a-1", "alice", "Signed Up", Time, "web"), IngestClient.Track("a-2", "alice", "Ordered", Time.AddMinutes(5), "app"));

        var first = await ExpectOkAsync(await _ingest.BatchAsync(messages, sentAt: Time.AddMinutes(6).ToString("O")));
        var retry = await ExpectOkAsync(await _ingest.BatchAsync(messages, sentAt: Time.AddMinutes(9).ToString("O")));
        var reused = await ExpectOkAsync(await _ingest.BatchAsync(IngestClient.Track("a-2", "alice", "Cancelled", Time.AddMinutes(7))));

        Assert.Equal((true, 2, 2, 0), (first["success"]!.GetValue<bool>(), first["received"]!.GetValue<int>(), first["stored"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Equal((0, 2, 0), (retry["stored"]!.GetValue<int>(), retry["duplicates"]!.GetValue<int>(), retry["conflicts"]!.GetValue<int>()));
        Assert.Equal((0, 0, 1), (reused["stored"]!.GetValue<int>(), reused["duplicates"]!.GetValue<int>(), reused["conflicts"]!.GetValue<int>()));
        var conflicts = (await _owner.GetJsonAsync($"{Workspace}/ingest/conflicts")).AsArray();
        Assert.Equal("a-2", Assert.Single(conflicts)!["messageId"]!.GetValue<string>());
        Assert.Contains("Cancelled", conflicts[0]!["payload"]!.GetValue<string>(), StringComparison.Ordinal);
        var dfg = await DfgAsync();
        Assert.Equal((1, 2), (dfg["cases"]!.GetValue<int>(), dfg["events"]!.GetValue<int>()));
        Assert.Equal("Ordered", dfg["edges"]![0]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidMessages_AreRejectedOneByOne_KeptOnce_AndReplayedAfterAnEdit()
    {
        var batch = string.Join(",", IngestClient.Track("ok-1", "bob", "Visited", Time), """{"type":"track","messageId":"bad-1","event":"Visited"}""", """{"type":"alias","messageId":"bad-2","userId":"bob"}""",
            """{"type":"track","messageId":"bad-3","userId":"bob","event":"Visited","timestamp":1732096800}""", "42");

        var response = await ExpectOkAsync(await _ingest.BatchAsync(batch));
        await ExpectOkAsync(await _ingest.BatchAsync(batch)); // a retry does not keep the rejects twice
        var failed = (await _owner.GetJsonAsync($"{Workspace}/ingest/failed")).AsArray();

        Assert.Equal(1, response["stored"]!.GetValue<int>());
        Assert.Equal(["1:message.missing-customer", "2:message.unsupported-type", "3:message.invalid-timestamp", "4:message.not-object"],
            response["rejected"]!.AsArray().Select(item => $"{item!["index"]}:{item["code"]}"));
        Assert.Equal(4, failed.Count);
        var missing = failed.Single(item => item!["messageId"]?.GetValue<string>() == "bad-1")!;
        var replayWithout = await _owner.PostAsync($"{Workspace}/ingest/failed/{missing["id"]}/replay", new { });
        await Session.ExpectProblemAsync(replayWithout, HttpStatusCode.BadRequest, "ingest.replay-rejected");
        var edited = JsonNode.Parse("""{"type":"track","messageId":"bad-1","userId":"bob","event":"Visited again","timestamp":"2026-11-20T11:00:00Z"}""");
        var replayed = await _owner.PostAsync($"{Workspace}/ingest/failed/{missing["id"]}/replay", new { payload = edited });
        await _owner.ExpectAsync(replayed, HttpStatusCode.OK);
        Assert.Equal(1, (await Session.ReadAsync(replayed))["stored"]!.GetValue<int>());
        var again = await _owner.PostAsync($"{Workspace}/ingest/failed/{missing["id"]}/replay", new { payload = edited });
        await Session.ExpectProblemAsync(again, HttpStatusCode.Conflict, "failed-message.replayed");
        Assert.NotNull((await _owner.GetJsonAsync($"{Workspace}/ingest/failed")).AsArray().Single(item => item!["id"]!.GetValue<string>() == missing["id"]!.GetValue<string>())!["replayedAt"]);
    }

    [Fact]
    public async Task Identify_LinksTheAnonymousIdsEvents_BeforeAndAfter_AndSetsTraits()
    {
        await ExpectOkAsync(await _ingest.BatchAsync("""{"type":"page","messageId":"p-1","anonymousId":"anon-7","name":"Pricing","timestamp":"2026-11-20T10:00:00Z"}"""));
        await DfgAsync(); // the index is loaded, so what follows reaches it live
        await ExpectOkAsync(await _ingest.BatchAsync("""{"type":"identify","messageId":"i-1","userId":"carol","anonymousId":"anon-7","traits":{"plan":"pro","seats":3}}"""));
        await ExpectOkAsync(await _ingest.BatchAsync("""{"type":"track","messageId":"t-1","anonymousId":"anon-7","event":"Trial Started","timestamp":"2026-11-20T10:05:00Z"}"""));

        var variants = await WaitForAsync(async () => await _owner.GetJsonAsync($"{Workspace}/analytics/variants"), json => json["cases"]!.GetValue<int>() == 1 && json["variants"]![0]!["activities"]!.AsArray().Count == 2);

        Assert.Equal(["Page Viewed", "Trial Started"], variants["variants"]![0]!["activities"]!.AsArray().Select(item => item!.GetValue<string>()));
        var breakdown = await _owner.GetJsonAsync($"{Workspace}/analytics/funnel?steps=Page%20Viewed,Trial%20Started&breakdown=plan");
        Assert.Contains("pro", breakdown.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestedEvents_ReachTheAnalyticsIndex_WithinTwoSeconds()
    {
        await ExpectOkAsync(await _ingest.BatchAsync(IngestClient.Track("w-1", "dave", "Warmed", Time)));
        await DfgAsync();

        await ExpectOkAsync(await _ingest.BatchAsync(IngestClient.Track("w-2", "dave", "Arrived", Time.AddMinutes(1))));
        var clock = Stopwatch.StartNew();
        await WaitForAsync(DfgAsync, json => json["events"]!.GetValue<int>() == 2);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ClockSkew_IsCorrectedFromSentAt_AndFutureTimesAreFlagged()
    {
        // The sender's clock runs two hours fast: its event happened 30 s before it sent the batch.
        var before = TimeProvider.System.GetUtcNow();
        var skewed = before.AddHours(2);
        var response = await ExpectOkAsync(await _ingest.BatchAsync(
            string.Join(",", IngestClient.Track("s-1", "erin", "Skewed", skewed.AddSeconds(-30)), IngestClient.Track("s-2", "erin", "Future", before.AddDays(2))), sentAt: skewed.ToString("O")));

        Assert.Equal("1:timestamp.future", Assert.Single(response["warnings"]!.AsArray())!["index"] + ":" + response["warnings"]![0]!["code"]);
        var funnel = await _owner.GetJsonAsync($"{Workspace}/analytics/funnel?steps=Skewed,Future&window=30d");
        Assert.Equal(1, funnel["steps"]![1]!["count"]!.GetValue<int>());
        // Both are shifted by the sender's two hours: Skewed lands 30 s before receipt, Future two days less two hours after.
        Assert.Equal((TimeSpan.FromDays(2) - TimeSpan.FromHours(2) + TimeSpan.FromSeconds(30)).TotalSeconds, funnel["steps"]![1]!["meanSeconds"]!.GetValue<double>(), 0.5);
    }

    [Fact]
    public async Task Answers_AreStoredDeduplicated_AndRejectedWhenOffScale()
    {
        var answers = """{"messageId":"r-1","userId":"frank","touchpoint":"Checkout","metric":"csat","score":4,"comment":"Quick","timestamp":"2026-11-20T10:00:00Z"},""" +
            """{"messageId":"r-2","userId":"frank","stage":"Purchase","metric":"nps","score":11}""";

        var first = await ExpectOkAsync(await _ingest.ResponsesAsync(answers));
        var retry = await ExpectOkAsync(await _ingest.ResponsesAsync(answers));

        Assert.Equal((1, 0), (first["stored"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Equal("response.invalid", first["rejected"]![0]!["code"]!.GetValue<string>());
        Assert.Equal((0, 1), (retry["stored"]!.GetValue<int>(), retry["duplicates"]!.GetValue<int>()));
    }

    [Fact]
    public async Task WriteKeys_AreCheckedEveryWay_AndARevokedKeyStopsAtOnce()
    {
        var message = IngestClient.Track("k-1", "gina", "Visited", Time);
        using var noKey = new IngestClient(_server.BaseAddress, null);
        using var wrongKey = new IngestClient(_server.BaseAddress, "wmw_" + new string('A', 43));
        using var bodyKeyed = new IngestClient(_server.BaseAddress, null);
        var key = (await IngestClient.CreateAsync(_owner, _server.BaseAddress, _workspace, "Body key")).Key;

        await Session.ExpectProblemAsync(await noKey.BatchAsync(message), HttpStatusCode.Unauthorized, "ingest.unauthorized");
        await Session.ExpectProblemAsync(await wrongKey.BatchAsync(message), HttpStatusCode.Unauthorized, "ingest.unauthorized");
        await ExpectOkAsync(await bodyKeyed.PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes($"{{\"writeKey\":\"{key}\",\"batch\":[{message}]}}"), "text/plain"));
        await Session.ExpectProblemAsync(await _ingest.PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes($"{{\"writeKey\":\"{key}\",\"batch\":[{message}]}}")), HttpStatusCode.Unauthorized, "ingest.unauthorized");
        var listed = await _owner.GetJsonAsync($"{Workspace}/write-keys");
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, listed.AsArray().Count);

        await _owner.ExpectAsync(await _owner.DeleteAsync($"{Workspace}/write-keys/{_keyId}"), HttpStatusCode.NoContent);
        await Session.ExpectProblemAsync(await _ingest.BatchAsync(message), HttpStatusCode.Unauthorized, "ingest.unauthorized");
    }

    [Fact]
    public async Task WriteKeys_AreManagedByOwnersOnly_AndNeverAcrossWorkspaces()
    {
        using var other = await _server.SignUpAsync();
        var otherWorkspace = await other.FirstWorkspaceAsync();
        var (otherClient, _, otherKeyId) = await IngestClient.CreateAsync(other, _server.BaseAddress, otherWorkspace);
        using var _ = otherClient;

        await Session.ExpectProblemAsync(await _owner.GetAsync($"/api/v1/workspaces/{otherWorkspace}/write-keys"), HttpStatusCode.NotFound, "workspace.not-found");
        await Session.ExpectProblemAsync(await _owner.DeleteAsync($"{Workspace}/write-keys/{otherKeyId}"), HttpStatusCode.NotFound, "write-key.not-found");
        await ExpectOkAsync(await otherClient.BatchAsync(IngestClient.Track("x-1", "zed", "Elsewhere", Time)));
        Assert.Equal(0, (await DfgAsync())["events"]!.GetValue<int>());
    }

    [Fact]
    public async Task OverTheRate_Is429WithRetryAfter_NothingIsStored_AndOtherKeysAreNotHeldBack()
    {
        await using var server = await WaymarkTestServer.StartAsync(configure: options => options.IngestMessagesPerSecondPerKey = 10);
        using var owner = await server.SignUpAsync();
        var workspace = await owner.FirstWorkspaceAsync();
        var (client, _, _) = await IngestClient.CreateAsync(owner, server.BaseAddress, workspace);
        using var _ = client;
        var batch = string.Join(",", Enumerable.Range(0, 15).Select(i => IngestClient.Track($"r-{i}", "hal", "Tick", Time.AddSeconds(i))));

        var first = await client.BatchAsync(batch);
        var second = await client.BatchAsync(batch.Replace("\"r-", "\"q-", StringComparison.Ordinal));

        await owner.ExpectAsync(first, HttpStatusCode.OK);
        await Session.ExpectProblemAsync(second, HttpStatusCode.TooManyRequests, "ingest.rate-limited");
        Assert.NotNull(second.Headers.RetryAfter);

        // The limit is per key: another sender in the same workspace is not held back by the noisy one.
        var (quiet, _, _) = await IngestClient.CreateAsync(owner, server.BaseAddress, workspace, "Quiet sender");
        using var quietClient = quiet;
        await owner.ExpectAsync(await quiet.BatchAsync(IngestClient.Track("quiet-1", "ivy", "Tick", Time)), HttpStatusCode.OK);
        Assert.Equal(16, (await owner.GetJsonAsync($"/api/v1/workspaces/{workspace}/analytics/dfg"))["events"]!.GetValue<int>());
    }

    private static async Task<JsonNode> WaitForAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var json = await read();
            if (done(json))
            {
                return json;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"Still not there after 10 s: {json.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
