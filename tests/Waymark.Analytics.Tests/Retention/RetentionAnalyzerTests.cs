using Waymark.Analytics.Retention;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.Retention;

public sealed class RetentionAnalyzerTests
{
    [Fact]
    public void Analyze_DailyCohorts_CountReturnsPerPeriod()
    {
        var log = TestLogs.Of(
            ("a", "signup", "2026-03-02 09:00:00"), ("a", "visit", "2026-03-03 09:00:00"), ("a", "visit", "2026-03-05 09:00:00"),
            ("b", "signup", "2026-03-02 18:00:00"), ("b", "visit", "2026-03-04 09:00:00"),
            ("c", "signup", "2026-03-03 10:00:00"));

        var report = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Day, Periods: 3));

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)], report.Cohorts.Select(cohort => cohort.Start));
        Assert.Equal([2L, 1], report.Cohorts.Select(cohort => cohort.Size));
        Assert.Equal([0L, 1, 1, 1], report.Cohorts[0].Retained);
        Assert.Equal([0L, 0, 0, 0], report.Cohorts[1].Retained);
    }

    [Fact]
    public void Analyze_OnOrAfter_CountsLaterReturnsInEarlierPeriods()
    {
        var log = TestLogs.Of(("a", "signup", "2026-03-02 09:00:00"), ("a", "visit", "2026-03-05 09:00:00"));

        var on = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Day, Periods: 4));
        var onOrAfter = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Day, Periods: 4, OnOrAfter: true));

        Assert.Equal([0L, 0, 0, 1, 0], on.Cohorts[0].Retained);
        Assert.Equal([1L, 1, 1, 1, 0], onOrAfter.Cohorts[0].Retained);
    }

    [Fact]
    public void Analyze_TimeZone_MovesEventsToTheirLocalDay()
    {
        var log = TestLogs.Of(("a", "signup", "2026-03-02 23:30:00"), ("a", "visit", "2026-03-03 00:30:00"));
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var utc = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Day, Periods: 1));
        var local = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Day, tokyo, Periods: 1));

        Assert.Equal(new DateOnly(2026, 3, 2), utc.Cohorts[0].Start);
        Assert.Equal([0L, 1], utc.Cohorts[0].Retained);
        Assert.Equal(new DateOnly(2026, 3, 3), local.Cohorts[0].Start);
        Assert.Equal([1L, 0], local.Cohorts[0].Retained);
    }

    [Fact]
    public void Analyze_Weeks_StartOnMonday()
    {
        var log = TestLogs.Of(("a", "signup", "2026-03-08 12:00:00"), ("a", "visit", "2026-03-09 12:00:00"));

        var report = RetentionAnalyzer.Analyze(log, new RetentionDefinition("signup", "visit", RetentionPeriod.Week, Periods: 1));

        Assert.Equal(new DateOnly(2026, 3, 2), report.Cohorts[0].Start);
        Assert.Equal([0L, 1], report.Cohorts[0].Retained);
    }
}
