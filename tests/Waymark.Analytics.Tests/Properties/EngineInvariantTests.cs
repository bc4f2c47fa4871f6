using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Variants;

namespace Waymark.Analytics.Tests.Properties;

/// <summary>Engine invariants over random logs from a fixed seed (hand-written generator, reproducible).</summary>
public sealed class EngineInvariantTests
{
    private static readonly string[] Activities = ["visit", "view", "cart", "checkout", "pay", "support", "review"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 25));

    /// <summary>A random log of 60 customers; with <paramref name="fillerActivities"/>, a first customer has that many
    /// other activities, so the funnel's activities are numbered above them.</summary>
    private static EventLog RandomLog(int seed, int fillerActivities = 0)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var filler = 0; filler < fillerActivities; filler++)
        {
            builder.Add("filler", $"page {filler}", start + filler);
        }

        for (var customer = 0; customer < 60; customer++)
        {
            var time = start + random.NextInt64(0, 86_400_000L * 30);
            for (var i = random.Next(1, 15); i > 0; i--)
            {
                time += random.Next(0, 4) == 0 ? 0 : random.NextInt64(1_000, 3_600_000 * 6);
                builder.Add($"c{customer}", Activities[random.Next(Activities.Length)], time);
            }
        }

        return builder.Build();
    }

    private static FunnelDefinition RandomFunnel(int seed)
    {
        var random = new Random(seed * 7919);
        var steps = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Activities[random.Next(Activities.Length)]).ToList();
        return new FunnelDefinition(steps, TimeSpan.FromHours(random.Next(1, 72)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Funnel_CountsNeverIncreaseAlongSteps(int seed)
    {
        foreach (var mode in Enum.GetValues<FunnelMode>())
        {
            var counts = FunnelAnalyzer.Analyze(RandomLog(seed), RandomFunnel(seed) with { Mode = mode }).Steps.Select(step => step.Count).ToList();

            Assert.All(counts.Zip(counts.Skip(1)), pair => Assert.True(pair.First >= pair.Second, $"{mode}: {string.Join(", ", counts)}"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Funnel_StrictNeverExceedsOrdered(int seed)
    {
        var log = RandomLog(seed);
        var definition = RandomFunnel(seed);

        var ordered = FunnelAnalyzer.Analyze(log, definition).Steps;
        var strict = FunnelAnalyzer.Analyze(log, definition with { Mode = FunnelMode.Strict }).Steps;

        Assert.All(ordered.Zip(strict), pair => Assert.True(pair.Second.Count <= pair.First.Count));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Funnel_WiderWindowNeverLowersACount(int seed)
    {
        var log = RandomLog(seed);
        var definition = RandomFunnel(seed);

        var narrow = FunnelAnalyzer.Analyze(log, definition).Steps;
        var wide = FunnelAnalyzer.Analyze(log, definition with { Window = definition.Window * 3 }).Steps;

        Assert.All(narrow.Zip(wide), pair => Assert.True(pair.Second.Count >= pair.First.Count, $"{pair.First.Name}: {pair.First.Count} > {pair.Second.Count}"));
    }

    /// <summary>Ordered funnels with distinct steps and no exclusion take the branch-free scan; an exclusion of an
    /// activity no event has cannot change the answer but sends the same funnel through the general scan. With 300
    /// activities more, the scan reads four-byte activities instead of one-byte ones.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Funnel_FastOrderedScanAgreesWithTheGeneralScan(int seed)
    {
        foreach (var fillers in new[] { 0, 300 })
        {
            FastOrderedScanAgreesWithTheGeneralScan(RandomLog(seed, fillers), seed);
        }
    }

    private static void FastOrderedScanAgreesWithTheGeneralScan(EventLog log, int seed)
    {
        var random = new Random(seed * 104_729);
        var steps = Activities.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToList();
        var definition = new FunnelDefinition(steps, TimeSpan.FromHours(random.Next(1, 200)));

        var fast = FunnelAnalyzer.Analyze(log, definition);
        var general = FunnelAnalyzer.Analyze(log, definition with { Exclusions = [new FunnelExclusion("never-recorded", 0, 1)] });

        Assert.Equal(general.Steps, fast.Steps);
        Assert.Equal(general.CustomerSteps, fast.CustomerSteps);
        Assert.Equal(general.Histograms.SelectMany(bins => bins), fast.Histograms.SelectMany(bins => bins));
        Assert.True(fast.Steps[1].Count > 0, "the funnel should convert someone, or the comparison shows little");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DirectlyFollows_CountsSumToEventsMinusCustomers(int seed)
    {
        var log = RandomLog(seed);

        var report = DirectlyFollowsAnalyzer.Analyze(log);

        Assert.Equal(log.EventCount - log.CustomerCount, report.Edges.Sum(edge => edge.Count));
        Assert.Equal(log.CustomerCount, report.Start.Values.Sum());
        Assert.Equal(log.CustomerCount, report.End.Values.Sum());
    }

    /// <summary>With 300 activities more (read as four-byte codes rather than one-byte ones), the edges between the
    /// journeys' activities are the same, with the same timings.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void DirectlyFollows_SameEdgesWhateverTheActivityCount(int seed)
    {
        var few = DirectlyFollowsAnalyzer.Analyze(RandomLog(seed));
        var many = DirectlyFollowsAnalyzer.Analyze(RandomLog(seed, 300));

        Assert.Equal(299, many.Edges.Count(edge => edge.From.StartsWith("page ", StringComparison.Ordinal)));
        Assert.Equal(few.Edges, many.Edges.Where(edge => !edge.From.StartsWith("page ", StringComparison.Ordinal)));
        Assert.Equal(few.Edges.Select(edge => (edge.From, edge.To, edge.Count)), DirectlyFollowsAnalyzer.CountEdges(RandomLog(seed, 300)).Where(edge => !edge.From.StartsWith("page ", StringComparison.Ordinal)).Select(edge => (edge.From, edge.To, edge.Count)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Variants_CountsSumToCustomers(int seed)
    {
        var log = RandomLog(seed);

        var report = VariantsAnalyzer.Analyze(log);

        Assert.Equal(log.CustomerCount, report.Variants.Sum(variant => variant.Count));
        Assert.Equal(report.Variants.Count, report.Variants.Select(variant => string.Join('\u0001', variant.Activities)).Distinct().Count());
    }
}
