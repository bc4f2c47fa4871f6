using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waymark.Application.Evidence;
using Waymark.Application.Ingestion;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Survey answers in through the API, then a journey measured against the workspace's events and answers.</summary>
public sealed class EvidenceEndpointTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private string _workspace = null!;
    private Domain.Journeys.Journey _journey = null!;
    private string _journeyPath = null!;

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync();
        _owner = await _server.SignUpAsync();
        _workspace = $"/api/v1/workspaces/{await _owner.FirstWorkspaceAsync()}";
        var events = new ByteArrayContent(File.ReadAllBytes(SharedData.File("receipt.csv")));
        events.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await _owner.ExpectAsync(await _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/events/imports?fileName=receipt.csv&wait=true", events), HttpStatusCode.Created);
        var document = new ByteArrayContent(Application.Journeys.Documents.JourneyDocumentFormat.Write(PlannedJourneys.Receipt(), []));
        document.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/journeys/import", document);
        await _owner.ExpectAsync(imported, HttpStatusCode.Created);
        var id = (await Session.ReadAsync(imported))["id"]!.GetValue<string>();
        _journeyPath = $"{_workspace}/journeys/{id}";
        var json = await _owner.GetJsonAsync(_journeyPath);
        _journey = json.Deserialize<Domain.Journeys.Journey>(Session.Json)!;
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _server.DisposeAsync();
    }

    private static object Answer(string customer, string touchpoint, string metric, int score, string? comment = null) =>
        new { customer, touchpoint, stage = (string?)null, metric, score, comment, time = "2011-11-01T10:00:00Z" };

    [Fact]
    public async Task Metrics_EqualTheEngineOnTheSameEventsAndAnswers_WithASegment()
    {
        await _owner.ExpectAsync(await _owner.PostAsync($"{_workspace}/responses", new
        {
            responses = new[] { Answer("case-10011", "T02 Check confirmation of receipt", "csat", 2, "Nobody called back"), Answer("case-10017", "T02 Check confirmation of receipt", "csat", 5) },
        }), HttpStatusCode.Created);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("customer,stage,metric,score,time\ncase-10011,Intake,nps,9,2011-11-02T10:00:00Z\ncase-10017,Intake,nps,11,2011-11-02T10:00:00Z\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var import = await _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/responses/imports?fileName=answers.csv&onError=skip", file);
        await _owner.ExpectAsync(import, HttpStatusCode.Created);
        var imported = await Session.ReadAsync(import);

        var metrics = await _owner.GetJsonAsync($"{_journeyPath}/metrics?rule=channel%3DInternet");

        Assert.Equal((2L, 1L, 1L), (imported["rows"]!.GetValue<long>(), imported["stored"]!.GetValue<long>(), imported["badRowCount"]!.GetValue<long>()));
        var answers = new List<SurveyResponse>();
        SurveyResponseReader.Read(new StringReader("customer,touchpoint,stage,metric,score,comment,time\n" +
            "case-10011,T02 Check confirmation of receipt,,csat,2,Nobody called back,2011-11-01T10:00:00Z\ncase-10017,T02 Check confirmation of receipt,,csat,5,,2011-11-01T10:00:00Z\n" +
            "case-10011,,Intake,nps,9,,2011-11-02T10:00:00Z\n"), "csv", new EventImportOptions(), answers);
        var expected = JourneyEvidence.Measure(_journey, TestLogs.Load("receipt.csv"), answers, [SegmentRuleText.Parse("channel=Internet").Value]);
        Assert.Equal(JsonSerializer.SerializeToNode(expected, Session.Json)!.ToJsonString(), metrics.ToJsonString());
        Assert.Equal(50, metrics["segments"]![0]!["touchpoints"]![1]!["csat"]!["score"]!.GetValue<double>());
        Assert.Equal(1, metrics["stages"]![0]!["nps"]!["responses"]!.GetValue<long>());
        Assert.Equal("deviation", metrics["painPoints"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidAnswers_Get400WithEachProblem_AndNothingIsStored()
    {
        var response = await _owner.PostAsync($"{_workspace}/responses", new
        {
            responses = new[] { Answer("c1", "T02 Check confirmation of receipt", "csat", 4), Answer("c2", "T02 Check confirmation of receipt", "csat", 9), Answer("", "x", "nps", 1) },
        });
        var failedFile = new ByteArrayContent("customer,touchpoint,metric,score,time\nc1,x,ces,0,2011-11-01\n"u8.ToArray());
        failedFile.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var failedImport = await _owner.SendRawAsync(HttpMethod.Post, $"{_workspace}/responses/imports?fileName=answers.csv", failedFile);

        var problem = await Session.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "responses.invalid");
        Assert.Equal(["responses[1]", "responses[2]"], problem["errors"]!.AsObject().Select(field => field.Key).Order(StringComparer.Ordinal));
        await Session.ExpectProblemAsync(failedImport, HttpStatusCode.BadRequest, "import.bad-row");
        var metrics = await _owner.GetJsonAsync($"{_journeyPath}/metrics");
        Assert.Equal(0, metrics["segments"]![0]!["touchpoints"]![1]!["csat"]!["responses"]!.GetValue<long>());
        await Session.ExpectProblemAsync(await _owner.GetAsync($"{_journeyPath}/metrics?rule=%3Dx"), HttpStatusCode.BadRequest, "segment.invalid");
        await Session.ExpectProblemAsync(await _owner.GetAsync($"{_journeyPath}/metrics?segment={Guid.NewGuid()}"), HttpStatusCode.NotFound, "segment.not-found");
        await Session.ExpectProblemAsync(await _owner.GetAsync($"{_workspace}/journeys/{Guid.NewGuid()}/metrics"), HttpStatusCode.NotFound, "journey.not-found");
    }

    [Fact]
    public async Task MappingAndActualJourney_AnswerFromTheWorkspacesEvents()
    {
        var mapping = await _owner.GetJsonAsync($"{_journeyPath}/mapping?top=2");
        var actual = await _owner.GetJsonAsync($"{_journeyPath}/actual?customer=case-10011");

        Assert.Equal(8577, mapping["events"]!.GetValue<long>());
        Assert.Equal("T03 Adjust confirmation of receipt", mapping["unmatched"]![0]!["event"]!.GetValue<string>());
        Assert.Equal(2, mapping["unmatched"]!.AsArray().Count);
        var expected = Waymark.Analytics.Journeys.ActualJourney.Of(TestLogs.Load("receipt.csv"), JourneyEvidence.ModelOf(_journey), "case-10011")!;
        Assert.Equal(expected.Steps.Select(step => step.Event), actual["steps"]!.AsArray().Select(step => step!["event"]!.GetValue<string>()));
        Assert.Equal("as-planned", actual["steps"]![0]!["compliance"]!.GetValue<string>());
        await Session.ExpectProblemAsync(await _owner.GetAsync($"{_journeyPath}/actual?customer=nobody"), HttpStatusCode.NotFound, "customer.not-found");
    }
}
