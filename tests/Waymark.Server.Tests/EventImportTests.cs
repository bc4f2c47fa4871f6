using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Event files imported through the HTTP API, then analyzed by the analytics endpoints.</summary>
public sealed class EventImportTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private string _workspace = null!;

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync();
        _owner = await _server.SignUpAsync();
        _workspace = $"/api/v1/workspaces/{await _owner.FirstWorkspaceAsync()}";
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] content, string query)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/events/imports?{query}&wait=true", body);
    }

    [Fact]
    public async Task ImportXes_ThenDfgEndpoint_EqualsTheEngineOnTheFile()
    {
        var response = await ImportAsync(File.ReadAllBytes(SharedData.File("running-example.xes")), "fileName=running-example.xes");

        await _owner.ExpectAsync(response, HttpStatusCode.Created);
        var import = await Session.ReadAsync(response);
        Assert.Equal(("succeeded", 42L), (import["status"]!.GetValue<string>(), import["imported"]!.GetValue<long>()));
        var graph = await _owner.GetJsonAsync($"{_workspace}/analytics/dfg");
        var expected = DirectlyFollowsAnalyzer.Analyze(TestLogs.Load("running-example.xes"));
        Assert.Equal(6, graph["cases"]!.GetValue<long>());
        Assert.Equal(
            expected.Edges.Select(edge => $"{edge.From}>{edge.To}x{edge.Count}").Order(StringComparer.Ordinal),
            graph["edges"]!.AsArray().Select(edge => $"{edge!["from"]}>{edge["to"]}x{edge["count"]}").Order(StringComparer.Ordinal));
        var funnel = await _owner.GetJsonAsync($"{_workspace}/analytics/funnel?steps=register request,decide,pay compensation&window=30d");
        Assert.Equal([6L, 6, 3], funnel["steps"]!.AsArray().Select(step => step!["count"]!.GetValue<long>()));
        // Each step's time-to-convert histogram holds one duration per customer who reached it; none for step 1.
        Assert.Equal([0L, 6, 3], funnel["histograms"]!.AsArray().Select(bins => bins!.AsArray().Sum(bin => bin!["count"]!.GetValue<long>())));
    }

    [Fact]
    public async Task ImportBadCsv_Fails_StoresNothing_AndRecordsTheFailedImport()
    {
        var csv = "case:concept:name,concept:name,time:timestamp\n1,a,2026-01-01 10:00:00\n2,b\n"u8.ToArray();

        var body = await Session.ExpectProblemAsync(await ImportAsync(csv, "fileName=bad.csv"), HttpStatusCode.BadRequest, "import.bad-row");

        Assert.Contains("Line 3", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await _owner.GetJsonAsync($"{_workspace}/analytics/variants"))["cases"]!.GetValue<long>());
        var imports = (await _owner.GetJsonAsync($"{_workspace}/events/imports")).AsArray();
        Assert.Equal(("failed", "import.bad-row"), (imports[0]!["status"]!.GetValue<string>(), imports[0]!["errorCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ImportLargerThanSeveralChunks_WithABadLastRow_StoresNothing_AndWithSkipStoresTheRest()
    {
        // 120,000 good rows are written in three chunks before the bad last row is read: the transaction must roll back.
        var csv = new System.Text.StringBuilder("case:concept:name,concept:name,time:timestamp\n");
        for (var i = 0; i < 120_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i % 5000},step{i % 7},2026-01-01T10:{i / 3600 % 60:00}:{i % 60:00}Z\n");
        }

        csv.Append("c1,broken,not-a-date\n");
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv.ToString());

        await Session.ExpectProblemAsync(await ImportAsync(bytes, "fileName=big.csv"), HttpStatusCode.BadRequest, "import.bad-row");
        Assert.Equal(0, (await _owner.GetJsonAsync($"{_workspace}/analytics/dfg"))["events"]!.GetValue<long>());

        var skipped = await ImportAsync(bytes, "fileName=big.csv&onError=skip");
        await _owner.ExpectAsync(skipped, HttpStatusCode.Created);
        Assert.Equal(120_000L, (await Session.ReadAsync(skipped))["imported"]!.GetValue<long>());
        Assert.Equal(120_000L, (await _owner.GetJsonAsync($"{_workspace}/analytics/dfg"))["events"]!.GetValue<long>());
    }

    [Fact]
    public async Task ImportedEventProperties_AreStored_AndBreakTheFunnelDownByFirstTouch()
    {
        var csv = "case:concept:name,concept:name,time:timestamp,device\n1,visit,2026-01-01T10:00:00Z,mobile\n1,buy,2026-01-01T11:00:00Z,desktop\n2,visit,2026-01-01T10:00:00Z,desktop\n3,visit,2026-01-02T10:00:00Z,mobile\n"u8.ToArray();
        await _owner.ExpectAsync(await ImportAsync(csv, "fileName=devices.csv"), HttpStatusCode.Created);

        var funnel = await _owner.GetJsonAsync($"{_workspace}/analytics/funnel?steps=visit,buy&window=1d&breakdown=event:device");

        var rows = funnel["breakdown"]!.AsArray().ToDictionary(row => row!["value"]!.GetValue<string>(), row => row!["counts"]!.AsArray().Select(count => count!.GetValue<long>()).ToArray());
        Assert.Equal([2L, 1L], rows["mobile"]);
        Assert.Equal([1L, 0L], rows["desktop"]);
    }

    [Fact]
    public async Task ImportBadCsvWithSkip_StoresTheGoodRows_AndListsTheBadOnes()
    {
        var csv = "case:concept:name,concept:name,time:timestamp\n1,a,2026-01-01 10:00:00\n2,b\n1,c,2026-01-01 11:00:00\n"u8.ToArray();

        var response = await ImportAsync(csv, "fileName=bad.csv&onError=skip");

        await _owner.ExpectAsync(response, HttpStatusCode.Created);
        var import = await Session.ReadAsync(response);
        Assert.Equal((2L, 1L), (import["imported"]!.GetValue<long>(), import["badRowCount"]!.GetValue<long>()));
        Assert.Equal(3, import["badRows"]![0]!["line"]!.GetValue<long>());
    }

    [Fact]
    public async Task ImportNdjsonTwice_DeduplicatesByMessageId()
    {
        var lines = Encoding.UTF8.GetBytes(string.Join('\n',
            """{"type":"track","userId":"u1","event":"Viewed","timestamp":"2026-01-01T10:00:00Z","messageId":"m1"}""",
            """{"type":"track","userId":"u1","event":"Bought","timestamp":"2026-01-01T10:05:00Z","messageId":"m2"}"""));

        var first = await Session.ReadAsync(await ImportAsync(lines, "fileName=a.ndjson"));
        var second = await Session.ReadAsync(await ImportAsync(lines, "fileName=a.ndjson"));

        Assert.Equal((2L, 0L), (first["imported"]!.GetValue<long>(), first["duplicates"]!.GetValue<long>()));
        Assert.Equal((0L, 2L), (second["imported"]!.GetValue<long>(), second["duplicates"]!.GetValue<long>()));
        Assert.Equal(2, (await _owner.GetJsonAsync($"{_workspace}/analytics/dfg"))["events"]!.GetValue<long>());
    }

    [Fact]
    public async Task ImportInTheBackground_Answers202_ThenTheImportFinishesWithItsProgress()
    {
        var body = new ByteArrayContent(File.ReadAllBytes(SharedData.File("helpdesk.xes.gz")));
        var response = await _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/events/imports?fileName=helpdesk.xes.gz", body);

        await _owner.ExpectAsync(response, HttpStatusCode.Accepted);
        var started = await Session.ReadAsync(response);
        Assert.Equal("running", started["status"]!.GetValue<string>());
        Assert.True(started["bytesTotal"]!.GetValue<long>() > 300_000);
        JsonNode current = started;
        for (var attempt = 0; attempt < 300 && current["status"]!.GetValue<string>() == "running"; attempt++)
        {
            await Task.Delay(100);
            current = await _owner.GetJsonAsync(response.Headers.Location!.ToString());
        }

        Assert.Equal(("succeeded", 21348L), (current["status"]!.GetValue<string>(), current["imported"]!.GetValue<long>()));
        Assert.Equal(current["bytesTotal"]!.GetValue<long>(), current["bytesRead"]!.GetValue<long>());
    }

    [Fact]
    public async Task RunningImportUnknownToThisServer_IsReportedAsInterrupted()
    {
        var workspaceId = new Domain.Ids.WorkspaceId(Guid.Parse(_workspace.Split('/')[^1]));
        var store = (Application.Storage.IEventStore)_server.Services.GetService(typeof(Application.Storage.IEventStore))!;
        var lost = new Application.Events.EventImport { Id = Guid.NewGuid(), WorkspaceId = workspaceId, FileName = "big.csv", Format = "csv", Status = "running" };
        await store.SaveImportAsync(lost, default);

        var current = await _owner.GetJsonAsync($"{_workspace}/events/imports/{lost.Id}");

        Assert.Equal(("failed", "import.interrupted"), (current["status"]!.GetValue<string>(), current["errorCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownFormat_Is400()
    {
        await Session.ExpectProblemAsync(await ImportAsync("x"u8.ToArray(), "fileName=data.parquet"), HttpStatusCode.BadRequest, "import.unknown-format");
    }

    [Theory]
    [InlineData("/analytics/funnel", "steps")]
    [InlineData("/analytics/funnel?steps=a,b&window=forever", "window")]
    [InlineData("/analytics/funnel?steps=a,b&mode=sideways", "mode")]
    [InlineData("/analytics/funnel?steps=a,b&mode=7", "mode")]
    [InlineData("/analytics/retention?startEvent=a&returnEvent=b&timeZone=Mars/Olympus", "timeZone")]
    public async Task BadAnalyticsParameters_Are400NamingTheParameter(string path, string parameter)
    {
        var body = await Session.ExpectProblemAsync(await _owner.GetAsync(_workspace + path), HttpStatusCode.BadRequest, "validation.failed");

        Assert.NotNull(body["errors"]![parameter]);
    }

    [Fact]
    public async Task FunnelBreakdownAndDrillDown_ByCustomerProperty()
    {
        await _owner.ExpectAsync(await ImportAsync(File.ReadAllBytes(SharedData.File("receipt.csv")), "fileName=receipt.csv"), HttpStatusCode.Created);
        const string funnel = "steps=Confirmation of receipt&steps=T02 Check confirmation of receipt&window=30d";

        var report = await _owner.GetJsonAsync($"{_workspace}/analytics/funnel?{funnel}&breakdown=channel&top=2");
        var customers = await _owner.GetJsonAsync($"{_workspace}/analytics/funnel/customers?{funnel}&step=2&limit=5");

        var counts = report["steps"]!.AsArray().Select(step => step!["count"]!.GetValue<long>()).ToList();
        var rows = report["breakdown"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Other", rows[2]!["value"]!.GetValue<string>());
        Assert.Equal(counts[0], rows.Sum(row => row!["counts"]![0]!.GetValue<long>()));
        Assert.Equal(counts[1], customers["total"]!.GetValue<long>());
        Assert.Equal(5, customers["customers"]!.AsArray().Count);
        Assert.Null((await _owner.GetJsonAsync($"{_workspace}/analytics/funnel?{funnel}"))["breakdown"]);
    }

    [Fact]
    public async Task PathsAndRetention_AnswerWithTheirShapes()
    {
        await _owner.ExpectAsync(await ImportAsync(File.ReadAllBytes(SharedData.File("running-example.xes")), "fileName=running-example.xes"), HttpStatusCode.Created);

        var paths = await _owner.GetJsonAsync($"{_workspace}/analytics/paths?session=off&steps=3");
        var retention = await _owner.GetJsonAsync($"{_workspace}/analytics/retention?startEvent=register request&returnEvent=decide&period=week&periods=4");

        Assert.Equal(6, paths["sessions"]!.GetValue<long>());
        Assert.Equal(6, paths["links"]!.AsArray().Where(link => (int)link!["step"]! == 1).Sum(link => (long)link!["value"]!));
        Assert.Equal(6, retention["cohorts"]!.AsArray().Sum(cohort => (long)cohort!["size"]!));
        Assert.IsType<JsonArray>(retention["cohorts"]![0]!["retained"]);
    }
}
