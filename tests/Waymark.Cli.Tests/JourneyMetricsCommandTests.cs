using System.Text.Json;
using Waymark.Application.Evidence;
using Waymark.Application.Ingestion;
using Waymark.Testing;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark journey metrics</c> on receipt.csv with a planned journey and a hand-written answers file.</summary>
public sealed class JourneyMetricsCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new(Application.Json.WaymarkJson.Options) { WriteIndented = true };

    private readonly TestDirectory _directory = new();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => CliProcess.RunAsync(_directory.Path, arguments);

    [Fact]
    public async Task Metrics_PrintsWhatTheEngineComputes_WithSegmentsAnswersAndBadRowsReported()
    {
        var journey = PlannedJourneys.Receipt();
        var journeyPath = Path.Combine(_directory.Path, "receipt.waymark.json");
        await File.WriteAllBytesAsync(journeyPath, Application.Journeys.Documents.JourneyDocumentFormat.Write(journey, []));
        var answersPath = Path.Combine(_directory.Path, "answers.csv");
        await File.WriteAllTextAsync(answersPath, string.Join('\n',
            "customer,touchpoint,metric,score,comment,time",
            "case-10011,T02 Check confirmation of receipt,csat,2,\"Took a week, nobody called\",2011-10-20T10:00:00Z",
            "case-10017,t02 check confirmation of receipt,csat,5,,2011-10-21T10:00:00Z",
            "case-10011,Intake,nps,9,,2011-10-22T10:00:00Z",
            "case-10017,T02 Check confirmation of receipt,csat,9,,2011-10-23T10:00:00Z",
            ""));

        var (exitCode, output, error) = await RunAsync("journey", "metrics", "--journey", journeyPath, "--log", SharedData.File("receipt.csv"),
            "--responses", answersPath, "--segment", "channel=Internet", "--on-error", "skip", "--format", "json");

        Assert.True(exitCode == 0, error);
        Assert.Contains("read 4 answers: 3 kept, 1 bad", error, StringComparison.Ordinal);
        Assert.Contains("line 5: CSAT scores are whole numbers from 1 to 5", error, StringComparison.Ordinal);
        var answers = new List<SurveyResponse>();
        using (var text = new StreamReader(answersPath))
        {
            SurveyResponseReader.Read(text, "csv", new EventImportOptions { FailOnBadRow = false }, answers);
        }

        var expected = JourneyEvidence.Measure(journey, TestLogs.Load("receipt.csv"), answers, [SegmentRuleText.Parse("channel=Internet").Value]);
        Assert.Equal(JsonSerializer.Serialize(expected, Indented).Trim(), output.Trim());
        using var json = JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments");
        Assert.Equal(["All customers", "channel=Internet"], segments.EnumerateArray().Select(segment => segment.GetProperty("segment").GetString()));
        var check = segments[0].GetProperty("touchpoints")[1];
        Assert.Equal(1368, check.GetProperty("events").GetInt64());
        Assert.Equal(2, check.GetProperty("csat").GetProperty("responses").GetInt64());
        Assert.Equal(50, check.GetProperty("csat").GetProperty("score").GetDouble());
        Assert.Equal("Took a week, nobody called", check.GetProperty("comments")[0].GetString());
        Assert.Equal(1, json.RootElement.GetProperty("stages")[0].GetProperty("nps").GetProperty("responses").GetInt64());
    }

    [Fact]
    public async Task Metrics_BadSegmentOrMissingJourney_ExitsTwoWithTheReason()
    {
        var badSegment = await RunAsync("journey", "metrics", "--journey", SharedData.File("receipt.csv"), "--log", SharedData.File("receipt.csv"), "--segment", "=x");
        var missing = await RunAsync("journey", "metrics", "--journey", Path.Combine(_directory.Path, "none.waymark.json"), "--log", SharedData.File("receipt.csv"));

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, badSegment.ExitCode);
    }

    public void Dispose() => _directory.Dispose();
}
