using Waymark.Analytics.Funnels;
using Waymark.Analytics.Segments;
using Waymark.Analytics.Statistics;
using Waymark.Analytics.Surveys;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.Surveys;

public sealed class SurveyAndSegmentTests
{
    [Fact]
    public void Nps_PromotersMinusDetractors_WithNormalInterval()
    {
        // 5 promoters, 3 passives, 2 detractors: NPS = 50 − 20 = 30; values +1/0/−1 have variance 0.7 − 0.09 = 0.61.
        int[] answers = [10, 10, 9, 9, 9, 8, 7, 7, 6, 0];

        var score = SurveyScoreCalculator.Score(SurveyMetric.Nps, answers);

        Assert.Equal(10, score.Responses);
        Assert.Equal(30, score.Score!.Value, 9);
        var margin = 1.96 * Math.Sqrt(0.61 / 10) * 100;
        Assert.Equal(30 - margin, score.Low!.Value, 9);
        Assert.Equal(30 + margin, score.High!.Value, 9);
    }

    [Fact]
    public void Csat_IsTheTopTwoBoxShare_NotTheMean()
    {
        var score = SurveyScoreCalculator.Score(SurveyMetric.Csat, [5, 4, 4, 3, 1]);

        Assert.Equal(60, score.Score!.Value, 9);
        Assert.InRange(score.Low!.Value, 23.0, 24.0);
        Assert.InRange(score.High!.Value, 88.0, 89.0);
    }

    [Fact]
    public void Ces_IsTheMean_WithStudentInterval()
    {
        // Mean 4, s = sqrt(2/3), t(3) = 3.182: 4 ± 1.2991.
        var score = SurveyScoreCalculator.Score(SurveyMetric.Ces, [3, 4, 5, 4]);

        Assert.Equal(4, score.Score!.Value, 9);
        Assert.Equal(2.7009539, score.Low!.Value, 6);
        Assert.Equal(5.2990461, score.High!.Value, 6);
    }

    [Fact]
    public void Ces_IntervalIsClippedToTheScale() => Assert.Equal(1, SurveyScoreCalculator.Score(SurveyMetric.Ces, [2, 4, 6]).Low);

    [Fact]
    public void ScoreBy_GroupsPerTouchpoint_IgnoringOtherMetrics()
    {
        SurveyAnswer[] answers =
        [
            new(SurveyMetric.Nps, 10, "Checkout", "Purchase"),
            new(SurveyMetric.Nps, 9, "Checkout", "Purchase"),
            new(SurveyMetric.Nps, 3, "Checkout", "Purchase"),
            new(SurveyMetric.Nps, 0, "Delivery", "Retention"),
            new(SurveyMetric.Nps, 10, "Delivery", "Retention"),
            new(SurveyMetric.Csat, 5, "Checkout", "Purchase"),
            new(SurveyMetric.Nps, 8, Touchpoint: null, Stage: "Purchase"),
        ];

        var byTouchpoint = SurveyScoreCalculator.ScoreBy(answers, SurveyMetric.Nps, SurveyGrouping.Touchpoint);
        var byStage = SurveyScoreCalculator.ScoreBy(answers, SurveyMetric.Nps, SurveyGrouping.Stage);

        // Checkout: 2 promoters, 1 detractor of 3 → 33.3; Delivery: 1 and 1 of 2 → 0; the answer with no touchpoint last.
        Assert.Equal(["Checkout", "Delivery", null], byTouchpoint.Select(group => group.Group));
        Assert.Equal([3L, 2L, 1L], byTouchpoint.Select(group => group.Score.Responses));
        Assert.Equal(100.0 / 3, byTouchpoint[0].Score.Score!.Value, 9);
        Assert.Equal(0, byTouchpoint[1].Score.Score!.Value, 9);
        Assert.Equal(0, byTouchpoint[2].Score.Score!.Value, 9);

        // Purchase: 10, 9, 3, 8 → (2 − 1) / 4 = 25.
        Assert.Equal(["Purchase", "Retention"], byStage.Select(group => group.Group));
        Assert.Equal(25, byStage[0].Score.Score!.Value, 9);
    }

    [Fact]
    public void Score_NoAnswers_IsNull() => Assert.Null(SurveyScoreCalculator.Score(SurveyMetric.Nps, []).Score);

    [Fact]
    public void Score_AnswerOffTheScale_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => SurveyScoreCalculator.Score(SurveyMetric.Csat, [6]));

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-1.0, 0.1586553)]
    [InlineData(3.0, 0.9986501)]
    public void NormalCdf_MatchesTables(double z, double expected) => Assert.Equal(expected, Normal.Cdf(z), 6);

    [Fact]
    public void TwoProportionZTest_KnownExample()
    {
        // 120/1000 vs 90/1000: pooled 0.105, z = 0.03 / sqrt(0.105·0.895·0.002) = 2.1883, p = 0.028650 (Python's math.erfc).
        var test = ProportionTest.Of(120, 1000, 90, 1000);

        Assert.Equal(2.1883, test.Z!.Value, 4);
        Assert.Equal(0.028650, test.PValue!.Value, 5);
    }

    [Fact]
    public void TwoProportionZTest_Undefined_IsNull() => Assert.Null(ProportionTest.Of(0, 10, 0, 10).Z);

    [Fact]
    public void FunnelBreakdown_CountsPerCustomerProperty_TopAndOther()
    {
        var log = TestLogs.Load("receipt.csv");
        var report = FunnelAnalyzer.Analyze(log, new FunnelDefinition(["Confirmation of receipt", "T02 Check confirmation of receipt"], TimeSpan.FromDays(30)));

        var all = FunnelBreakdown.By(log, report, "channel", top: 100);
        var two = FunnelBreakdown.By(log, report, "channel", top: 2);

        Assert.Equal(report.Steps[0].Count, all.Sum(entry => entry.Counts[0]));
        Assert.Equal(report.Steps[1].Count, all.Sum(entry => entry.Counts[1]));
        Assert.Contains(all, entry => entry.Value == "Internet");
        Assert.Equal(3, two.Count);
        Assert.Equal(FunnelBreakdown.Other, two[^1].Value);
        Assert.Equal(report.Steps[0].Count, two.Sum(entry => entry.Counts[0]));
        var internet = all.Single(entry => entry.Value == "Internet");
        var rest = (report.Steps[1].Count - internet.Counts[1], report.Steps[0].Count - internet.Counts[0]);
        Assert.Equal(ProportionTest.Of(internet.Counts[1], internet.Counts[0], rest.Item1, rest.Item2).PValue, internet.PValue);
        Assert.Equal((double)internet.Counts[1] / internet.Counts[0], internet.Conversion);
    }

    [Fact]
    public void FunnelBreakdown_FirstTouchChannel_UsesTheFirstEventsChannel()
    {
        var builder = new Analytics.EventLogs.EventLogBuilder();
        builder.Add("a", "visit", 1000, "web");
        builder.Add("a", "buy", 2000, "store");
        builder.Add("b", "visit", 1000, "app");
        var log = builder.Build();
        var report = FunnelAnalyzer.Analyze(log, new FunnelDefinition(["visit", "buy"], TimeSpan.FromDays(1)));

        var rows = FunnelBreakdown.By(log, report, FunnelBreakdown.FirstTouchChannel);

        Assert.Equal([("app", 1L, 0L), ("web", 1L, 1L)], rows.Select(row => (row.Value, row.Counts[0], row.Counts[1])));
    }
}
