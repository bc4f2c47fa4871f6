using Waymark.Analytics.Funnels;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.Funnels;

/// <summary>PostHog's published funnel test cases (posthog/hogql_queries/insights/funnels/test, research §1.4), with
/// PostHog's expected values. Where PostHog leaves zero-second conversions out of mean and median, the cases here
/// have none, so the numbers agree.</summary>
public sealed class PostHogFunnelCasesTests
{
    private static FunnelReport Run(FunnelDefinition definition, params (string, string, string)[] events) => FunnelAnalyzer.Analyze(TestLogs.Of(events), definition);

    /// <summary>conversion_time_cases.py::test_funnel_step_conversion_times.</summary>
    [Fact]
    public void StepConversionTimes()
    {
        var report = Run(
            new(["sign up", "play movie", "buy"], TimeSpan.FromDays(7)),
            ("p1", "sign up", "2020-01-01 12:00:00"), ("p1", "play movie", "2020-01-01 13:00:00"), ("p1", "buy", "2020-01-01 15:00:00"),
            ("p2", "sign up", "2020-01-02 14:00:00"), ("p2", "play movie", "2020-01-02 16:00:00"),
            ("p3", "sign up", "2020-01-02 14:00:00"), ("p3", "play movie", "2020-01-02 16:00:00"), ("p3", "buy", "2020-01-02 17:00:00"));

        Assert.Equal([3L, 3, 2], report.Steps.Select(step => step.Count));
        Assert.Equal([null, 6000.0, 5400.0], report.Steps.Select(step => step.MeanSeconds));
        Assert.Equal([null, 7200.0, 5400.0], report.Steps.Select(step => step.MedianSeconds));
    }

    /// <summary>test_funnel_times_with_different_conversion_windows: the window boundary is inclusive.</summary>
    [Theory]
    [InlineData(14 * 24 * 60, 2, 600.0)]
    [InlineData(5, 1, 300.0)]
    public void DifferentConversionWindows(int windowMinutes, long converted, double meanSeconds)
    {
        var report = Run(
            new(["user signed up", "pageview"], TimeSpan.FromMinutes(windowMinutes)),
            ("p1", "user signed up", "2020-01-02 14:00:00"), ("p1", "pageview", "2020-01-02 14:05:00"),
            ("p2", "user signed up", "2020-01-02 14:03:00"),
            ("p3", "user signed up", "2020-01-02 12:00:00"), ("p3", "pageview", "2020-01-02 12:15:00"));

        Assert.Equal([3L, converted], report.Steps.Select(step => step.Count));
        Assert.Equal(meanSeconds, report.Steps[1].MeanSeconds);
    }

    /// <summary>test_funnel_with_multiple_incomplete_tries: the complete attempt counts, the later partial ones do not disturb it.</summary>
    [Fact]
    public void MultipleIncompleteTries()
    {
        var report = Run(
            new(["user signed up", "$pageview", "something else"], TimeSpan.FromDays(1)),
            ("p1", "user signed up", "2021-05-01 01:00:00"), ("p1", "$pageview", "2021-05-01 02:00:00"), ("p1", "something else", "2021-05-01 03:00:00"),
            ("p1", "user signed up", "2021-05-02 01:00:00"), ("p1", "$pageview", "2021-05-02 02:00:00"),
            ("p1", "user signed up", "2021-05-03 01:00:00"));

        Assert.Equal([1L, 1, 1], report.Steps.Select(step => step.Count));
        Assert.Equal(3600.0, report.Steps[2].MeanSeconds);
        Assert.Equal(3600.0, report.Steps[2].MedianSeconds);
    }

    /// <summary>test_funnel_exclusions_full_window: an excluded customer leaves every step.</summary>
    [Fact]
    public void ExclusionsFullWindow()
    {
        var report = Run(
            new(["user signed up", "paid"], TimeSpan.FromDays(14)) { Exclusions = [new("x 1 name with numbers 2", 0, 1)] },
            ("p1", "user signed up", "2021-05-01 01:00:00"), ("p1", "paid", "2021-05-01 02:00:00"),
            ("p2", "user signed up", "2021-05-01 03:00:00"), ("p2", "x 1 name with numbers 2", "2021-05-01 03:30:00"), ("p2", "paid", "2021-05-01 04:00:00"),
            ("p3", "user signed up", "2021-05-01 05:00:00"), ("p3", "paid", "2021-05-01 06:00:00"));

        Assert.Equal([2L, 2], report.Steps.Select(step => step.Count));
        Assert.Equal([0, 2], report.CustomersAt(1));
    }

    /// <summary>test_advanced_funnel_exclusions_between_steps: exclusions between each pair of steps.</summary>
    [Theory]
    [InlineData(0, 1, new[] { "p1", "p2" })]
    [InlineData(1, 2, new[] { "p2", "p3" })]
    [InlineData(2, 3, new[] { "p3" })]
    [InlineData(3, 4, new string[0])]
    [InlineData(1, 3, new[] { "p3" })]
    public void AdvancedExclusionsBetweenSteps(int fromStep, int toStep, string[] converted)
    {
        string[] steps = ["user signed up", "$pageview", "insight viewed", "invite teammate", "pageview2"];
        string[] times = ["01:00", "02:00", "04:00", "05:00", "06:00"];
        var events = new List<(string, string, string)>();
        foreach (var (person, exclusions) in new[] { ("p1", new[] { "03:00", "04:30", "05:30" }), ("p2", new[] { "04:30", "05:30" }), ("p3", new[] { "01:30", "05:30" }) })
        {
            events.AddRange(steps.Select((step, index) => (person, step, $"2021-05-01 {times[index]}:00")));
            events.AddRange(exclusions.Select(time => (person, "x", $"2021-05-01 {time}:00")));
        }

        var log = TestLogs.Of([.. events]);
        var report = FunnelAnalyzer.Analyze(log, new FunnelDefinition(steps, TimeSpan.FromDays(14)) { Exclusions = [new("x", fromStep, toStep)] });

        Assert.Equal(converted, report.CustomersAt(4).Select(customer => log.Customers[customer]));
        Assert.All(report.Steps, step => Assert.Equal(converted.Length, step.Count));
    }

    /// <summary>test_funnel_strict.py, test_strict_breakdown_events_with_multiple_properties: an intervening event breaks a strict funnel.</summary>
    [Fact]
    public void StrictIntervening()
    {
        var definition = new FunnelDefinition(["sign up", "play movie"], TimeSpan.FromDays(7), FunnelMode.Strict);
        var report = Run(definition,
            ("chrome", "sign up", "2020-01-01 12:00:00"), ("chrome", "blah", "2020-01-01 13:00:00"), ("chrome", "play movie", "2020-01-01 14:00:00"),
            ("safari", "sign up", "2020-01-02 13:00:00"), ("safari", "play movie", "2020-01-02 14:00:00"));

        Assert.Equal([2L, 1], report.Steps.Select(step => step.Count));
        Assert.Equal(3600.0, report.Steps[1].MeanSeconds);
        Assert.Equal([2L, 2], FunnelAnalyzer.Analyze(TestLogs.Of(
            ("chrome", "sign up", "2020-01-01 12:00:00"), ("chrome", "blah", "2020-01-01 13:00:00"), ("chrome", "play movie", "2020-01-01 14:00:00"),
            ("safari", "sign up", "2020-01-02 13:00:00"), ("safari", "play movie", "2020-01-02 14:00:00")), definition with { Mode = FunnelMode.Ordered }).Steps.Select(step => step.Count));
    }

    [Fact]
    public void AnyOrder_StepsWithinWindowInAnyOrder()
    {
        var definition = new FunnelDefinition(["a", "b", "c"], TimeSpan.FromHours(1), FunnelMode.Any);
        var report = Run(definition,
            ("p1", "c", "2020-01-01 10:00:00"), ("p1", "a", "2020-01-01 10:10:00"), ("p1", "b", "2020-01-01 10:20:00"),
            ("p2", "b", "2020-01-01 10:00:00"), ("p2", "a", "2020-01-01 12:00:00"),
            ("p3", "a", "2020-01-01 10:00:00"));

        Assert.Equal([3L, 1, 1], report.Steps.Select(step => step.Count));
        Assert.Equal(600.0, report.Steps[2].MeanSeconds);
    }

    [Fact]
    public void RepeatedStep_NeedsDistinctEvents()
    {
        var definition = new FunnelDefinition(["view", "view", "buy"], TimeSpan.FromDays(1));
        var report = Run(definition,
            ("once", "view", "2020-01-01 10:00:00"), ("once", "buy", "2020-01-01 10:05:00"),
            ("twice", "view", "2020-01-01 10:00:00"), ("twice", "view", "2020-01-01 10:01:00"), ("twice", "buy", "2020-01-01 10:05:00"));

        Assert.Equal([2L, 1, 1], report.Steps.Select(step => step.Count));
        Assert.Equal(0.5, report.Steps[1].Conversion);
        Assert.Equal(1L, report.Steps[1].DropOff);
    }
}
