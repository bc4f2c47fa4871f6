using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.Variants;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.DirectlyFollows;

public sealed class DirectlyFollowsAnalyzerTests
{
    /// <summary>PM4Py's oracle: running-example.dfg lists the activities, start and end counts and every edge.</summary>
    [Theory]
    [InlineData("running-example.xes")]
    [InlineData("running-example.csv")]
    public void Analyze_RunningExample_EqualsPm4pyOracleExactly(string file)
    {
        var lines = File.ReadAllLines(SharedData.File("running-example.dfg")).Where(line => line.Length > 0).ToList();
        var activityCount = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
        var activities = lines.GetRange(1, activityCount);
        var at = 1 + activityCount;
        Dictionary<string, long> Counts(ref int position)
        {
            var count = int.Parse(lines[position], System.Globalization.CultureInfo.InvariantCulture);
            var result = lines.GetRange(position + 1, count).Select(line => line.Split('x')).ToDictionary(parts => activities[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            position += 1 + count;
            return result;
        }

        var start = Counts(ref at);
        var end = Counts(ref at);
        var edges = lines.Skip(at).Select(line => line.Split('>', 'x')).ToDictionary(parts => (activities[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)], activities[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)]), parts => long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));

        var report = DirectlyFollowsAnalyzer.Analyze(TestLogs.Load(file));

        Assert.Equal(16, edges.Count);
        Assert.Equal(start.OrderBy(pair => pair.Key), report.Start.OrderBy(pair => pair.Key));
        Assert.Equal(end.OrderBy(pair => pair.Key), report.End.OrderBy(pair => pair.Key));
        Assert.Equal(edges.OrderBy(pair => pair.Key), report.Edges.ToDictionary(edge => (edge.From, edge.To), edge => edge.Count).OrderBy(pair => pair.Key));
        Assert.Equal(8, report.Activities);
    }

    [Theory]
    [InlineData("running-example.xes", 6, 42, 6)]
    [InlineData("receipt.csv", 1434, 8577, -1)]
    [InlineData("helpdesk.xes.gz", 4580, 21348, 226)]
    [InlineData("bpic2012.xes.gz", 13087, 262200, 4366)]
    public void Analyze_RealLogs_HaveThePublishedCounts(string file, long cases, long events, int variants) // variants −1: not published for that file
    {
        var log = TestLogs.Load(file);

        var graph = DirectlyFollowsAnalyzer.Analyze(log);
        var variantReport = VariantsAnalyzer.Analyze(log);

        Assert.Equal(cases, graph.Cases);
        Assert.Equal(events, graph.Events);
        Assert.Equal(events - cases, graph.Edges.Sum(edge => edge.Count));
        Assert.True(variants < 0 || variants == variantReport.Variants.Count, $"{variantReport.Variants.Count} variants, the data README says {variants}");
        Assert.Equal(cases, variantReport.Variants.Sum(variant => variant.Count));
        Assert.Equal(graph.Edges.Select(edge => (edge.From, edge.To, edge.Count)), DirectlyFollowsAnalyzer.CountEdges(log).Select(edge => (edge.From, edge.To, edge.Count)));
    }

    [Fact]
    public void Analyze_EdgeDurations_MeanAndMedianInSeconds()
    {
        var log = TestLogs.Of(("a", "A", "2026-01-01 10:00:00"), ("a", "B", "2026-01-01 10:01:00"), ("b", "A", "2026-01-01 10:00:00"), ("b", "B", "2026-01-01 10:03:00"));

        var edge = DirectlyFollowsAnalyzer.Analyze(log).Edges.Single();

        Assert.Equal(("A", "B", 2L, 120.0, 120.0), (edge.From, edge.To, edge.Count, edge.MeanSeconds, edge.MedianSeconds));
    }

    [Fact]
    public void Build_EqualTimestamps_KeepSourceOrder()
    {
        var log = TestLogs.Of(("a", "B", "2026-01-01 10:00:00"), ("a", "A", "2026-01-01 10:00:00"), ("a", "C", "2026-01-01 09:00:00"));

        var variant = VariantsAnalyzer.Analyze(log).Variants.Single();

        Assert.Equal(["C", "B", "A"], variant.Activities);
    }
}
