using Waymark.Analytics.Journeys;
using Waymark.Analytics.Surveys;
using Waymark.Application.Evidence;
using Waymark.Application.Ingestion;
using Waymark.Domain.Results;
using Waymark.Testing;

namespace Waymark.Application.Tests.Evidence;

/// <summary>Survey answer files, segment rules as text, and how answers find their touchpoint or stage.</summary>
public sealed class EvidenceInputTests
{
    private static (Result<EventImportReport> Result, List<SurveyResponse> Responses) Read(string text, string format, bool fail = false)
    {
        var responses = new List<SurveyResponse>();
        return (SurveyResponseReader.Read(new StringReader(text), format, new EventImportOptions { FailOnBadRow = fail }, responses), responses);
    }

    [Fact]
    public void Csv_ReadsEveryField_NormalisesTimes_AndReportsEachBadRow()
    {
        var (result, responses) = Read(string.Join('\n',
            "customer;stage;metric;score;comment;timestamp",
            "c1;Purchase;NPS;9;\"Fast; friendly\";2026-03-01T10:00:00+02:00",
            "c2;Purchase;ces;8;;2026-03-01T10:00:00Z",
            "c3;;csat;4;;2026-03-01T10:00:00Z",
            "c4;Purchase;mood;4;;2026-03-01T10:00:00Z",
            "c5;Purchase;csat;4;;yesterday",
            "c6;Purchase;csat;4"), "csv");

        Assert.True(result.IsSuccess);
        Assert.Equal([new SurveyResponse("c1", "Purchase", SurveyMetric.Nps, 9, "Fast; friendly", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero))], responses);
        Assert.Equal((6L, 1L, 5L), (result.Value.Rows, result.Value.Imported, result.Value.BadRowCount));
        Assert.Equal(
            [(3L, "CES scores are whole numbers from 1 to 7"), (4, "neither a touchpoint nor a stage"), (5, "metric is not one of nps, csat, ces"),
                (6, "no valid time (ISO 8601 or a common date format)"), (7, "4 fields where the header has 6")],
            result.Value.BadRows.Select(row => (row.Line, row.Reason)));
    }

    [Fact]
    public void Csv_FailMode_StopsAtTheFirstBadRow_AndAHeaderWithoutColumnsIsRefused()
    {
        var (failed, _) = Read("customer,touchpoint,metric,score,time\nc1,Checkout,nps,11,2026-03-01", "csv", fail: true);
        var (header, _) = Read("who,what\nc1,x", "csv");

        Assert.Equal("import.bad-row", failed.Error!.Code);
        Assert.Contains("Line 2", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal("import.bad-header", header.Error!.Code);
        Assert.Contains("customer, metric, score, time, touchpoint or stage", header.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_ReadsAnswers_AndReportsBrokenLines()
    {
        var (result, responses) = Read(string.Join('\n',
            "{\"userId\":\"c1\",\"touchpoint\":\"Checkout\",\"metric\":\"csat\",\"score\":5,\"timestamp\":\"2026-03-01T10:00:00Z\"}",
            "",
            "{\"customer\":\"c2\",\"touchpoint\":\"Checkout\",\"metric\":\"csat\",\"score\":\"5\",\"time\":\"2026-03-01T10:00:00Z\"}",
            "{\"customer\":",
            "[1,2]"), "ndjson");

        Assert.True(result.IsSuccess);
        Assert.Single(responses);
        Assert.Equal([3L, 4, 5], result.Value.BadRows.Select(row => row.Line));
        Assert.StartsWith("not valid JSON", result.Value.BadRows[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel=Internet", true, false, "channel", FilterOperator.Equals, "Internet")]
    [InlineData("event.channel!=app", true, true, "channel", FilterOperator.NotEquals, "app")]
    [InlineData("case:department~Gen", true, false, "case:department", FilterOperator.Contains, "Gen")]
    [InlineData("event.score?", true, true, "score", FilterOperator.Exists, null)]
    public void SegmentRuleText_ParsesOneCondition(string text, bool matchAll, bool onEvent, string property, FilterOperator op, string? value)
    {
        var rule = SegmentRuleText.Parse(text).Value;

        Assert.Equal(text, rule.Name);
        Assert.Equal(matchAll, rule.MatchAll);
        Assert.Equal(new SegmentRuleCondition(onEvent, new PropertyFilter(property, op, value)), Assert.Single(rule.Conditions));
    }

    [Fact]
    public void SegmentRuleText_JoinsWithAndOrOr_AndRefusesNonsense()
    {
        Assert.Equal(2, SegmentRuleText.Parse("channel=Desk or channel=Post").Value.Conditions.Count);
        Assert.False(SegmentRuleText.Parse("channel=Desk or channel=Post").Value.MatchAll);
        Assert.Equal("segment.invalid", SegmentRuleText.Parse("a=1 and b=2 or c=3").Error!.Code);
        Assert.Equal("segment.invalid", SegmentRuleText.Parse("=x").Error!.Code);
        Assert.Equal("segment.invalid", SegmentRuleText.Parse(" ").Error!.Code);
    }

    [Fact]
    public void Resolve_ByIdNameOrEvent_ThenStage_OthersLeftOut()
    {
        var journey = PlannedJourneys.Receipt();
        var touchpoints = journey.Touchpoints.ToList();
        var at = DateTimeOffset.UnixEpoch;
        SurveyResponse About(string subject) => new("c", subject, SurveyMetric.Csat, 4, null, at);

        var (aboutTouchpoints, aboutStages) = JourneyEvidence.Resolve(journey,
            [About(touchpoints[2].Id.ToString()), About("t02 CHECK confirmation of receipt"), About("T10 Determine necessity to stop indication"), About("intake"), About(journey.Stages[2].Id.ToString()), About("elsewhere")]);

        Assert.Equal([2, 1, 5], aboutTouchpoints.Select(answer => answer.Touchpoint));
        Assert.Equal([journey.Stages[0].Id, journey.Stages[2].Id], aboutStages.Select(pair => pair.Stage));
        var model = JourneyEvidence.ModelOf(journey);
        Assert.Equal(5, model.GoalIndex);
        Assert.Equal(touchpoints.Select(touchpoint => touchpoint.Id.ToString()), model.Touchpoints.Select(touchpoint => touchpoint.Key));
        Assert.Equal(43_200_000, model.Touchpoints[1].PlannedMilliseconds);
    }
}
