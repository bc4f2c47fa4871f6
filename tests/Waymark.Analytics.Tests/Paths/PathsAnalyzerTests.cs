using Waymark.Analytics.Paths;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.Paths;

public sealed class PathsAnalyzerTests
{
    private static readonly Analytics.EventLogs.EventLog Log = TestLogs.Of(
        ("a", "home", "2026-01-01 10:00:00"), ("a", "pricing", "2026-01-01 10:01:00"), ("a", "signup", "2026-01-01 10:02:00"),
        ("a", "home", "2026-01-01 12:00:00"),
        ("b", "home", "2026-01-01 10:00:00"), ("b", "pricing", "2026-01-01 10:05:00"), ("b", "pricing", "2026-01-01 10:06:00"),
        ("c", "blog", "2026-01-01 10:00:00"), ("c", "home", "2026-01-01 10:10:00"));

    private static long Value(PathsReport report, int step, string source, string target) =>
        report.Links.SingleOrDefault(link => link.Step == step && link.Source == source && link.Target == target)?.Value ?? 0;

    [Fact]
    public void Analyze_SplitsSessionsAfterThirtyMinutes_AndCountsTransitionsPerSession()
    {
        var report = PathsAnalyzer.Analyze(Log, new PathDefinition());

        Assert.Equal(4, report.Sessions);
        Assert.Equal(2, Value(report, 1, "home", "pricing"));
        Assert.Equal(1, Value(report, 1, "home", PathsReport.DropOff));
        Assert.Equal(1, Value(report, 2, "pricing", "signup"));
        Assert.Equal(1, Value(report, 2, "pricing", "pricing"));
        Assert.Equal(1, Value(report, 3, "signup", PathsReport.DropOff));
    }

    [Fact]
    public void Analyze_CollapseRepeats_MergesConsecutiveEvents()
    {
        var report = PathsAnalyzer.Analyze(Log, new PathDefinition { CollapseRepeats = true });

        Assert.Equal(1, Value(report, 2, "pricing", PathsReport.DropOff));
        Assert.Equal(0, Value(report, 2, "pricing", "pricing"));
    }

    [Fact]
    public void Analyze_NoSessionGap_KeepsACustomersEventsTogether()
    {
        var report = PathsAnalyzer.Analyze(Log, new PathDefinition { SessionGap = null });

        Assert.Equal(3, report.Sessions);
        Assert.Equal(1, Value(report, 3, "signup", "home"));
    }

    [Fact]
    public void Analyze_StartAt_DropsEarlierEventsAndSessionsWithoutIt()
    {
        var report = PathsAnalyzer.Analyze(Log, new PathDefinition { StartAt = "pricing" });

        Assert.Equal(2, report.Sessions);
        Assert.Equal(1, Value(report, 1, "pricing", "signup"));
    }

    [Fact]
    public void Analyze_TopPerStep_FoldsTheRestIntoOther()
    {
        var report = PathsAnalyzer.Analyze(Log, new PathDefinition(TopPerStep: 1));

        Assert.Equal(2, Value(report, 1, "home", "pricing"));
        Assert.Equal(1, Value(report, 1, "blog", PathsReport.Other));
        Assert.Equal(report.Sessions, report.Links.Where(link => link.Step == 1).Sum(link => link.Value));
    }
}
