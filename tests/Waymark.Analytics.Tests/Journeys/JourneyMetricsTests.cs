using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Journeys;
using Waymark.Analytics.Segments;
using Waymark.Analytics.Surveys;
using Waymark.Testing;

namespace Waymark.Analytics.Tests.Journeys;

/// <summary>Per-touchpoint metrics, segments and conformance on the shared logs, against direct computations.</summary>
public sealed class JourneyMetricsTests
{
    private const long Day = 86_400_000;

    /// <summary>The planned order of a receipt-handling journey, from receipt.csv's main activities.</summary>
    private static readonly string[] ReceiptActivities =
    [
        "Confirmation of receipt",
        "T02 Check confirmation of receipt",
        "T04 Determine confirmation of receipt",
        "T05 Print and send confirmation of receipt",
        "T06 Determine necessity of stop advice",
        "T10 Determine necessity to stop indication",
    ];

    private static JourneyModel ReceiptJourney() => new(ReceiptActivities
        .Select((activity, index) => new TouchpointModel($"tp{index}", activity, [new EventFilter(activity, null, [])], index == 0 ? null : Day / 2))
        .ToList());

    /// <summary>The running example's claim handling, planned: register, examine, check the ticket, decide, pay.</summary>
    private static JourneyModel ClaimJourney() => new(
    [
        new TouchpointModel("register", "Register", [new EventFilter("register request", null, [])]),
        new TouchpointModel("examine", "Examine", [new EventFilter("examine casually", null, []), new EventFilter("examine thoroughly", null, [])], 2 * Day),
        new TouchpointModel("check", "Check ticket", [new EventFilter("check ticket", null, [])], 2 * Day),
        new TouchpointModel("decide", "Decide", [new EventFilter("decide", null, [])], 3 * Day),
        new TouchpointModel("pay", "Pay compensation", [new EventFilter("pay compensation", null, [])], 10 * Day),
    ]);

    [Fact]
    public void Receipt_EveryTouchpointNumber_EqualsADirectComputation()
    {
        var log = TestLogs.Load("receipt.csv");
        var model = ReceiptJourney();

        var metrics = JourneyMetricsAnalyzer.Analyze(log, model).Segments.Single();
        var expected = Reference.Of(log, model, _ => true);

        Assert.Equal(JourneyMetricsAnalyzer.AllCustomers, metrics.Segment);
        Assert.Equal(1434, metrics.Customers);
        Assert.Equal(expected.Entered, metrics.Entered);
        Assert.Equal(expected.Completed, metrics.Completed);
        for (var t = 0; t < model.Touchpoints.Count; t++)
        {
            var actual = metrics.Touchpoints[t];
            var oneStep = FunnelAnalyzer.Analyze(log, new FunnelDefinition([ReceiptActivities[t]], TimeSpan.FromDays(1))).Steps[0].Count;
            Assert.Equal(oneStep, actual.Reached);
            Assert.Equal(log.Activity.Count(activity => log.Activities[activity] == ReceiptActivities[t]), actual.Events);
            Assert.Equal(expected.Reached[t], actual.Reached);
            Assert.Equal((double)expected.Reached[t] / expected.Entered, actual.ReachedShare);
            Assert.Equal(expected.DropOff[t], actual.DropOff);
            Assert.Equal(expected.Repeaters[t], actual.Repeaters);
            Assert.Equal(expected.Skipped[t], actual.Skipped);
            Assert.Equal(expected.OutOfOrder[t], actual.OutOfOrder);
            Assert.Equal(expected.Into[t].Count, actual.Timed);
            Assert.Equal(Reference.Median(expected.Into[t]), actual.MedianSeconds);
            Assert.Equal(Reference.NearestRank(expected.Into[t], 0.9), actual.P90Seconds);
            Assert.Equal(expected.Into[t].Count(into => into > Day / 2), actual.SlowerThanPlanned);
            Assert.Equal(t == 0 ? null : (double?)43_200.0, actual.PlannedSeconds);
            Assert.Equal([new ChannelCount(string.Empty, actual.Events)], actual.Channels);
            Assert.Equal(0, actual.Nps.Responses);
            Assert.Null(actual.Emotion);
            Assert.Null(actual.ReachedVersusRest);
        }

        Assert.Equal(expected.Entered - expected.Completed, metrics.Touchpoints.Sum(touchpoint => touchpoint.DropOff));
        Assert.Equal(expected.Conformant, metrics.Conformance.Conformant);
        Assert.Equal(expected.Late, metrics.Conformance.Late);
        Assert.Equal(expected.Deviating, metrics.Conformance.Deviating);
        Assert.Equal(expected.Paths.OrderByDescending(path => path.Value).ThenBy(path => path.Key, StringComparer.Ordinal).Take(10).Select(path => path.Value),
            metrics.Conformance.Paths.Select(path => path.Count));
        Assert.True(metrics.Touchpoints[1].MedianSeconds > 0);
    }

    [Fact]
    public void Receipt_SegmentsByChannel_EqualTheJourneyOfTheirCustomersAlone()
    {
        var log = TestLogs.Load("receipt.csv");
        var model = ReceiptJourney();
        var channels = new[] { "Internet", "Desk", "Post" };
        var segments = channels
            .Select(channel => new SegmentMembers(channel, new SegmentRule(channel, [new SegmentRuleCondition(false, new PropertyFilter("channel", FilterOperator.Equals, channel))]).Members(log)))
            .ToList();

        var report = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { Segments = segments });

        Assert.Equal([JourneyMetricsAnalyzer.AllCustomers, .. channels], report.Segments.Select(segment => segment.Segment));
        var all = report.Segments[0];
        for (var s = 0; s < channels.Length; s++)
        {
            var segment = report.Segments[s + 1];
            var alone = JourneyMetricsAnalyzer.Analyze(Only(log, segments[s].Members), model).Segments[0];
            Assert.Equal(segments[s].Members.Count(member => member), segment.Customers);
            Assert.Equal(alone.Entered, segment.Entered);
            Assert.Equal(alone.Completed, segment.Completed);
            Assert.Equal(alone.Conformance with { Paths = segment.Conformance.Paths }, segment.Conformance);
            Assert.Equal(alone.Conformance.Paths.Select(path => path.Count), segment.Conformance.Paths.Select(path => path.Count));
            for (var t = 0; t < model.Touchpoints.Count; t++)
            {
                Assert.Equal(Numbers(alone.Touchpoints[t]), Numbers(segment.Touchpoints[t]));
                var test = ProportionTest.Of(segment.Touchpoints[t].Reached, segment.Entered, all.Touchpoints[t].Reached - segment.Touchpoints[t].Reached, all.Entered - segment.Entered);
                Assert.Equal(test, segment.Touchpoints[t].ReachedVersusRest);
            }
        }


        // receipt.csv's channels move through this journey alike: no difference is significant there.
        Assert.All(report.Segments.Skip(1).SelectMany(segment => segment.Touchpoints), touchpoint => Assert.False(touchpoint.ReachedVersusRest!.PValue < 0.05));
        Assert.Equal(all.Entered, JourneyMetricsAnalyzer.Analyze(log, model).Segments[0].Entered);
    }

    [Fact]
    public void GeneratedJourneys_AppUsersConvertBetter_AndTheDifferenceIsMarkedSignificant()
    {
        var builder = new EventLogBuilder();
        new Application.Generation.JourneyGenerator(7).Generate(3000, item => builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel));
        var log = builder.Build();
        var steps = new[] { "ad_impression", "product_viewed", "cart_added", "order_completed" };
        var model = new JourneyModel(steps.Select(step => new TouchpointModel(step, step, [new EventFilter(step, null, [])])).ToList());
        var app = new SegmentRule("app users", [new SegmentRuleCondition(true, new PropertyFilter("channel", FilterOperator.Equals, "app"))]);

        var report = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { Segments = [new SegmentMembers(app.Name, app.Members(log))] });

        var ordered = report.Segments[1].Touchpoints[3];
        var everyone = report.Segments[0].Touchpoints[3];
        Assert.True(ordered.ReachedShare > everyone.ReachedShare, $"{ordered.ReachedShare} vs {everyone.ReachedShare}");
        Assert.True(ordered.ReachedVersusRest!.PValue < 0.05, $"p = {ordered.ReachedVersusRest.PValue}");
    }

    [Fact]
    public void RunningExample_Conformance_MatchesTheHandClassification()
    {
        var log = TestLogs.Load("running-example.xes");
        var model = ClaimJourney();

        var metrics = JourneyMetricsAnalyzer.Analyze(log, model).Segments[0];

        // Case 1 is late at the ticket check (5 days after the examination, 2 planned); case 2 examines after the
        // check (out of order) and decides 5.9 days after the examination (late); case 3 decides late, reinitiates
        // (unplanned) and examines and checks again (out of order); case 4 examines after the check; case 5
        // reinitiates twice, going back each time; case 6 follows the plan.
        var expected = new Dictionary<string, (bool Conformant, StepCompliance[] Steps)>
        {
            ["1"] = (false, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.Late, StepCompliance.AsPlanned, StepCompliance.Outside]),
            ["2"] = (false, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.OutOfOrder, StepCompliance.Late, StepCompliance.AsPlanned]),
            ["3"] = (false, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.Late, StepCompliance.Unplanned,
                StepCompliance.OutOfOrder, StepCompliance.OutOfOrder, StepCompliance.Repeat, StepCompliance.AsPlanned]),
            ["4"] = (false, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.OutOfOrder, StepCompliance.AsPlanned, StepCompliance.Outside]),
            ["5"] = (false, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.Unplanned,
                StepCompliance.OutOfOrder, StepCompliance.OutOfOrder, StepCompliance.Repeat, StepCompliance.Unplanned, StepCompliance.OutOfOrder,
                StepCompliance.OutOfOrder, StepCompliance.Repeat, StepCompliance.Outside]),
            ["6"] = (true, [StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned, StepCompliance.AsPlanned]),
        };
        foreach (var (customer, (conformant, steps)) in expected)
        {
            var journey = ActualJourney.Of(log, model, customer)!;
            Assert.Equal(steps, journey.Steps.Select(step => step.Compliance));
            Assert.Equal(conformant, journey.Conformant);
            Assert.Empty(journey.Skipped);
        }

        Assert.Equal(new ConformanceSummary(6, 1, 1 / 6.0, 0, 4, 2, 3, metrics.Conformance.Paths), metrics.Conformance);
        Assert.Equal(5, metrics.Conformance.Paths.Count);
        Assert.Equal(3, metrics.Completed);
        Assert.Equal([0L, 0, 0, 3, 0], metrics.Touchpoints.Select(touchpoint => touchpoint.DropOff));
        Assert.Equal([0L, 4, 2, 0, 0], metrics.Touchpoints.Select(touchpoint => touchpoint.OutOfOrder));
        Assert.Equal([6L, 6, 6, 6, 3], metrics.Touchpoints.Select(touchpoint => touchpoint.Reached));
        Assert.Equal([0L, 6, 6, 6, 3], metrics.Touchpoints.Select(touchpoint => touchpoint.Timed));
        Assert.Equal([0L, 0, 1, 2, 0], metrics.Touchpoints.Select(touchpoint => touchpoint.SlowerThanPlanned));

        // Case 2's actual journey: the check came 40 minutes after registering; deviations keep their names.
        Assert.Equal(2400, ActualJourney.Of(log, model, "2")!.Steps[1].SecondsFromPrevious);
        var case3 = ActualJourney.Of(log, model, "3")!;
        Assert.Equal(new ActualStep(case3.Steps[4].TimestampMilliseconds, "reinitiate request", null, null, StepCompliance.Unplanned, null), case3.Steps[4]);
        Assert.Contains(metrics.Conformance.Paths, path => path.Steps.Contains(new PathStep(null, "reinitiate request")));
        Assert.Null(ActualJourney.Of(log, model, "no such case"));
    }

    [Fact]
    public void SurveyAnswers_HandChecked_ScoresCommentsAndEmotion()
    {
        var log = TestLogs.Of(("a", "visit", "2026-01-01 10:00:00"), ("a", "buy", "2026-01-01 11:00:00"), ("b", "visit", "2026-01-02 10:00:00"));
        var model = new JourneyModel([new TouchpointModel("v", "Visit", [new EventFilter("visit", null, [])]), new TouchpointModel("b", "Buy", [new EventFilter("buy", null, [])])]);
        var at = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        JourneyAnswer Nps(string customer, int value, string? comment = null) => new(customer, 1, SurveyMetric.Nps, value, comment, at);
        var answers = new List<JourneyAnswer>
        {
            Nps("a", 10), Nps("a", 9, "great"), Nps("b", 8), Nps("b", 6, "slow delivery"), Nps("b", 0, "never again"),
            new("a", 0, SurveyMetric.Csat, 5, null, at), new("a", 0, SurveyMetric.Csat, 4, null, at), new("b", 0, SurveyMetric.Csat, 2, "confusing", at), new("b", 0, SurveyMetric.Csat, 1, null, at),
            new("b", 1, SurveyMetric.Nps, 10, "outside the range", at + (40 * Day)),
        };
        var segment = new SegmentMembers("b only", log.Customers.Select(customer => customer == "b").ToArray());

        var report = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { Answers = answers, Segments = [segment], To = at + Day });
        var buy = report.Segments[0].Touchpoints[1];
        var visit = report.Segments[0].Touchpoints[0];

        // NPS: 2 promoters, 2 detractors of 5 → 0. CSAT: 2 of 4 satisfied → 50%. Emotion: NPS 0 → 0; CSAT 50% → 0.
        Assert.Equal(5, buy.Nps.Responses);
        Assert.Equal(0, buy.Nps.Score!.Value, 9);
        Assert.Equal(["never again", "slow delivery", "great"], buy.Comments);
        Assert.Equal(0, buy.Emotion!.Value, 9);
        Assert.Equal(50, visit.Csat.Score);
        Assert.Equal(4, visit.Csat.Responses);
        Assert.Equal(0, visit.Emotion!.Value, 9);
        Assert.Equal(3, report.Segments[1].Touchpoints[1].Nps.Responses);
        Assert.Equal(-200 / 3.0, report.Segments[1].Touchpoints[1].Nps.Score!.Value, 9);
        Assert.Equal(-4 / 3.0, report.Segments[1].Touchpoints[1].Emotion!.Value, 9);
        Assert.Equal(2, EvidenceEmotion.Of(new SurveyScore(SurveyMetric.Ces, 3, 7, null, null)));
        Assert.Equal(-2, EvidenceEmotion.Of(new SurveyScore(SurveyMetric.Csat, 3, 0, null, null)));
        Assert.Null(EvidenceEmotion.Of(new SurveyScore(SurveyMetric.Nps, 0, null, null, null)));
    }

    [Fact]
    public void TimeRange_CountsOnlyEventsInside_AndPropertyFiltersSelectEvents()
    {
        var builder = new EventLogBuilder();
        builder.Add("a", "visit", 1000, "web");
        builder.Add("a", "order", 2000, "web", properties: [new("status", "ok")]);
        builder.Add("b", "visit", 1000, "app");
        builder.Add("b", "order", 5000, "app", properties: [new("status", "failed")]);
        builder.Add("c", "visit", 9000, "web");
        var log = builder.Build();
        var model = new JourneyModel(
        [
            new TouchpointModel("v", "Visit on the web", [new EventFilter("visit", "web", [])]),
            new TouchpointModel("o", "Order placed", [new EventFilter("order", null, [new PropertyFilter("status", FilterOperator.Equals, "ok")])]),
        ]);

        var whole = JourneyMetricsAnalyzer.Analyze(log, model).Segments[0];
        var early = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { From = 0, To = 3000 }).Segments[0];
        var coverage = MappingCoverage.Of(log, model);

        Assert.Equal((2L, 1L), (whole.Entered, whole.Completed));
        Assert.Equal([2L, 1], whole.Touchpoints.Select(touchpoint => touchpoint.Reached));
        Assert.Equal([1L, 1], early.Touchpoints.Select(touchpoint => touchpoint.Reached));
        Assert.Equal(1, early.Touchpoints[1].Timed);
        Assert.Equal(1.0, early.Touchpoints[1].MedianSeconds);
        Assert.Equal(3, coverage.Mapped);
        Assert.Equal(0.6, coverage.Share);
        Assert.Equal([new UnmatchedEvent("order", "app", 1), new UnmatchedEvent("visit", "app", 1)], coverage.Unmatched);
    }

    [Fact]
    public void ATouchpointNoEventCanMatch_IsNeverSkipped()
    {
        var log = TestLogs.Of(("a", "visit", "2026-01-01 10:00:00"), ("a", "buy", "2026-01-01 11:00:00"), ("b", "buy", "2026-01-01 12:00:00"));
        var model = new JourneyModel(
        [
            new TouchpointModel("v", "Visit", [new EventFilter("visit", null, [])]),
            new TouchpointModel("w", "Word of mouth", []),
            new TouchpointModel("b", "Buy", [new EventFilter("buy", null, [])]),
        ]);

        var metrics = JourneyMetricsAnalyzer.Analyze(log, model).Segments[0];

        Assert.Equal([1L, 0, 0], metrics.Touchpoints.Select(touchpoint => touchpoint.Skipped));
        Assert.Equal((1L, 1L), (metrics.Conformance.Skipped, metrics.Conformance.Conformant));
        Assert.Empty(ActualJourney.Of(log, model, "a")!.Skipped);
        Assert.Equal(["v"], ActualJourney.Of(log, model, "b")!.Skipped);
    }

    [Fact]
    public void Receipt_MappingCoverage_ListsTheMostFrequentUnmatchedEvents()
    {
        var log = TestLogs.Load("receipt.csv");

        var coverage = MappingCoverage.Of(log, ReceiptJourney(), top: 3);

        Assert.Equal(8577, coverage.Events);
        Assert.Equal(1434 + 1368 + 1307 + 1300 + 1416 + 1283, coverage.Mapped);
        Assert.Equal([new UnmatchedEvent("T03 Adjust confirmation of receipt", null, 55), new UnmatchedEvent("T07-1 Draft intern advice aspect 1", null, 45),
            new UnmatchedEvent("T11 Create document X request unlicensed", null, 44)], coverage.Unmatched);
    }

    [Fact]
    public void PainPoints_RankedByAffectedTimesSeverity_WithTheirEvidence()
    {
        var log = TestLogs.Load("receipt.csv");
        var metrics = JourneyMetricsAnalyzer.Analyze(log, ReceiptJourney()).Segments[0];

        var candidates = PainPointRanking.Rank(metrics);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, candidate =>
        {
            Assert.Equal(candidate.Affected * candidate.Severity, candidate.Impact);
            Assert.InRange(candidate.Severity, 1, 5);
            Assert.True(candidate.Affected >= PainPointRanking.MinimumAffected);
        });
        Assert.Equal(candidates.OrderByDescending(candidate => candidate.Impact).Select(candidate => candidate.Impact), candidates.Select(candidate => candidate.Impact));
        var slow = candidates.Where(candidate => candidate.Kind == PainPointKind.Slow).ToList();
        Assert.All(slow, candidate =>
        {
            var touchpoint = metrics.Touchpoints.Single(touchpoint => touchpoint.Key == candidate.Touchpoint);
            Assert.True(touchpoint.MedianSeconds > touchpoint.PlannedSeconds);
            Assert.Equal(touchpoint.SlowerThanPlanned, candidate.Affected);
            Assert.Equal(touchpoint.MedianSeconds, candidate.Evidence["medianSeconds"]);
        });
        var dropOff = metrics.Touchpoints.Where(touchpoint => touchpoint.DropOffShare >= 0.10 && touchpoint.DropOff >= PainPointRanking.MinimumAffected).Select(touchpoint => touchpoint.Key);
        Assert.Equal(dropOff, candidates.Where(candidate => candidate.Kind == PainPointKind.DropOff).Select(candidate => candidate.Touchpoint).Order());
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 20));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Properties_SharesAndCountsStayInTheirBounds(int seed)
    {
        var random = new Random(seed);
        var activities = new[] { "visit", "view", "cart", "pay", "call", "return" };
        var builder = new EventLogBuilder();
        for (var customer = 0; customer < 200; customer++)
        {
            var time = random.NextInt64(0, 30 * Day);
            for (var i = random.Next(1, 12); i > 0; i--)
            {
                time += random.NextInt64(0, Day);
                builder.Add($"c{customer}", activities[random.Next(activities.Length)], time, random.Next(2) == 0 ? "web" : "store");
            }
        }

        var log = builder.Build();
        var model = new JourneyModel(activities.Take(4).Select((activity, index) => new TouchpointModel(activity, activity, [new EventFilter(activity, null, [])], Day / 2)).ToList());
        var segment = new SegmentMembers("odd", Enumerable.Range(0, log.CustomerCount).Select(customer => customer % 2 == 1).ToArray());

        var report = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { Segments = [segment] });

        foreach (var metrics in report.Segments)
        {
            Assert.InRange(metrics.Entered, 0, metrics.Customers);
            Assert.InRange(metrics.Completed, 0, metrics.Entered);
            Assert.Equal(metrics.Entered - metrics.Completed, metrics.Touchpoints.Sum(touchpoint => touchpoint.DropOff));
            Assert.InRange(metrics.Conformance.Conformant, 0, metrics.Entered);
            Assert.True(metrics.Conformance.Paths.Sum(path => path.Count) <= metrics.Entered - metrics.Conformance.Conformant);
            foreach (var touchpoint in metrics.Touchpoints)
            {
                Assert.InRange(touchpoint.Reached, 0, metrics.Entered);
                Assert.InRange(touchpoint.ReachedShare!.Value, 0, 1);
                Assert.InRange(touchpoint.DropOff, 0, touchpoint.Reached);
                Assert.InRange(touchpoint.Repeaters, 0, touchpoint.Reached);
                Assert.InRange(touchpoint.Timed, 0, touchpoint.Reached);
                Assert.InRange(touchpoint.SlowerThanPlanned, 0, touchpoint.Timed);
                Assert.True(touchpoint.Events >= touchpoint.Reached + touchpoint.Repeaters);
                Assert.Equal(touchpoint.Events, touchpoint.Channels.Sum(channel => channel.Events));
                Assert.True(touchpoint.MedianSeconds is null || touchpoint.MedianSeconds <= touchpoint.P90Seconds);
            }
        }

        var odd = report.Segments[1];
        var even = JourneyMetricsAnalyzer.Analyze(log, model, new JourneyMetricsOptions { Segments = [segment with { Members = segment.Members.Select(member => !member).ToArray() }] }).Segments[1];
        Assert.Equal(report.Segments[0].Touchpoints.Select(touchpoint => touchpoint.Reached), odd.Touchpoints.Zip(even.Touchpoints, (left, right) => left.Reached + right.Reached));
    }

    private static string Numbers(TouchpointMetrics metrics) => string.Join(' ',
        metrics.Reached, metrics.ReachedShare, metrics.DropOff, metrics.DropOffShare, metrics.Events, metrics.Repeaters, metrics.RepeatRate, metrics.Timed,
        metrics.MedianSeconds, metrics.P90Seconds, metrics.SlowerThanPlanned, metrics.Skipped, metrics.OutOfOrder, string.Join(',', metrics.Channels));

    /// <summary>The customers of <paramref name="log"/> with a true flag, with their events and properties.</summary>
    private static EventLog Only(EventLog log, bool[] members)
    {
        var builder = new EventLogBuilder();
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            if (!members[customer])
            {
                continue;
            }

            for (var position = log.CustomerStart[customer]; position < log.CustomerStart[customer + 1]; position++)
            {
                builder.Add(log.Customers[customer], log.Activities[log.Activity[position]], log.Timestamp[position], log.Channel[position] < 0 ? null : log.Channels[log.Channel[position]]);
            }
        }

        return builder.Build();
    }

    /// <summary>A direct, unoptimised computation of the same definitions, customer by customer.</summary>
    private sealed class Reference
    {
        public long Entered { get; private set; }

        public long Completed { get; private set; }

        public long Conformant { get; private set; }

        public long Late { get; private set; }

        public long Deviating { get; private set; }

        public long[] Reached { get; private init; } = [];

        public long[] DropOff { get; private init; } = [];

        public long[] Repeaters { get; private init; } = [];

        public long[] Skipped { get; private init; } = [];

        public long[] OutOfOrder { get; private init; } = [];

        public List<long>[] Into { get; private init; } = [];

        public Dictionary<string, long> Paths { get; } = new(StringComparer.Ordinal);

        public static Reference Of(EventLog log, JourneyModel model, Func<int, bool> include)
        {
            var n = model.Touchpoints.Count;
            var reference = new Reference
            {
                Reached = new long[n], DropOff = new long[n], Repeaters = new long[n], Skipped = new long[n], OutOfOrder = new long[n],
                Into = Enumerable.Range(0, n).Select(_ => new List<long>()).ToArray(),
            };
            for (var customer = 0; customer < log.CustomerCount; customer++)
            {
                if (!include(customer))
                {
                    continue;
                }

                var events = Enumerable.Range(log.CustomerStart[customer], log.CustomerStart[customer + 1] - log.CustomerStart[customer])
                    .Select(position => (Name: log.Activities[log.Activity[position]], Time: log.Timestamp[position]))
                    .Select(item => (item.Name, item.Time, Touchpoint: model.Touchpoints.ToList().FindIndex(touchpoint => touchpoint.Filters.Any(filter => filter.Activity == item.Name))))
                    .ToList();
                var mapped = events.Where(item => item.Touchpoint >= 0).ToList();
                if (mapped.Count == 0)
                {
                    continue;
                }

                reference.Entered++;
                var completed = mapped.Any(item => item.Touchpoint == model.GoalIndex);
                reference.Completed += completed ? 1 : 0;
                if (!completed)
                {
                    reference.DropOff[mapped[^1].Touchpoint]++;
                }

                var furthest = mapped.Max(item => item.Touchpoint);
                var late = false;
                for (var t = 0; t < n; t++)
                {
                    var at = mapped.FindIndex(item => item.Touchpoint == t);
                    reference.Reached[t] += at >= 0 ? 1 : 0;
                    reference.Repeaters[t] += mapped.Count(item => item.Touchpoint == t) > 1 ? 1 : 0;
                    reference.Skipped[t] += at < 0 && t < furthest ? 1 : 0;
                    reference.OutOfOrder[t] += mapped.Where((item, index) => item.Touchpoint == t && mapped.Take(index).Any(before => before.Touchpoint > t)).Any() ? 1 : 0;
                    if (at > 0)
                    {
                        var into = mapped[at].Time - mapped[at - 1].Time;
                        reference.Into[t].Add(into);
                        late |= model.Touchpoints[t].PlannedMilliseconds is { } planned && into > planned;
                    }
                }

                var firstMapped = events.FindIndex(item => item.Touchpoint >= 0);
                var lastMapped = events.FindLastIndex(item => item.Touchpoint >= 0);
                var deviating = events.Skip(firstMapped).Take(lastMapped - firstMapped).Any(item => item.Touchpoint < 0);
                var outOfOrder = mapped.Where((item, index) => mapped.Take(index).Any(before => before.Touchpoint > item.Touchpoint)).Any();
                var skipped = Enumerable.Range(0, furthest).Any(t => mapped.All(item => item.Touchpoint != t));
                reference.Late += late ? 1 : 0;
                reference.Deviating += deviating ? 1 : 0;
                if (!late && !deviating && !outOfOrder && !skipped)
                {
                    reference.Conformant++;
                }
                else
                {
                    var path = new List<string>();
                    foreach (var item in events.Skip(firstMapped).Take(lastMapped - firstMapped + 1))
                    {
                        var label = item.Touchpoint >= 0 ? $"t{item.Touchpoint}" : $"~{item.Name}";
                        if (path.Count == 0 || path[^1] != label)
                        {
                            path.Add(label);
                        }
                    }

                    var key = string.Join('|', path);
                    reference.Paths[key] = reference.Paths.GetValueOrDefault(key) + 1;
                }
            }

            return reference;
        }

        /// <summary>The median of milliseconds, in seconds.</summary>
        public static double? Median(List<long> values)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var sorted = values.Order().ToList();
            var upper = sorted[sorted.Count / 2];
            var lower = sorted[(sorted.Count - 1) / 2];
            return (lower + (double)upper) / 2 / 1000.0;
        }

        public static double? NearestRank(List<long> values, double quantile) =>
            values.Count == 0 ? null : values.Order().ElementAt((int)Math.Ceiling(quantile * values.Count) - 1) / 1000.0;
    }
}
