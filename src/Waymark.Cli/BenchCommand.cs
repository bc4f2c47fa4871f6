using System.CommandLine;
using System.Globalization;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Variants;
using Waymark.Application.Generation;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary><c>waymark bench</c>: whole workloads on generated events — index build, funnel, directly-follows graph,
/// variants — each run several times, medians printed; with <c>--peers</c>, the same funnel and directly-follows
/// counts in ClickHouse and PostgreSQL on the same events, checked against ours, as ratios.</summary>
internal static class BenchCommand
{
    public static readonly string[] FunnelSteps = ["ad_impression", "product_viewed", "cart_added", "order_completed", "repeat_purchase"];

    public static readonly TimeSpan FunnelWindow = TimeSpan.FromDays(30);

    /// <summary>The journey benchmark's segments: customers with an event on each of these channels.</summary>
    private static readonly string[] SegmentChannels = ["app", "web", "store"];

    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "Generated customers (about 10 events each).", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Warm runs per workload; the median is reported.", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 42 };
        var file = new Option<FileInfo?>("--log") { Description = "Instead of generated data: time reading this event file, then its directly-follows graph and variants, end to end." };
        var peers = new Option<bool>("--peers") { Description = "Also run the funnel and directly-follows counts in ClickHouse 18.16 and PostgreSQL 15 (installed from Debian's packages if missing)." };
        var command = new Command("bench", "Measure whole workloads on generated events.") { customers, runs, seed, peers, file, IngestBenchCommand.Create() };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(customers);
            var repeat = Math.Max(1, parse.GetValue(runs));
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            if (parse.GetValue(file) is { } logFile)
            {
                var format = Waymark.Application.Ingestion.EventFileReader.FormatOf(logFile.Name) ?? throw new InvalidOperationException($"{logFile.Name}: not a format Waymark reads");
                Measure($"{logFile.Name}: read + dfg + variants", repeat, () =>
                {
                    var builder = new EventLogBuilder();
                    using var stream = logFile.OpenRead();
                    var read = Waymark.Application.Ingestion.EventFileReader.Read(stream, format, new Waymark.Application.Ingestion.EventImportOptions(), builder);
                    var fileLog = read.IsSuccess ? builder.Build() : throw new InvalidOperationException(read.Error.Message);
                    DirectlyFollowsAnalyzer.Analyze(fileLog);
                    VariantsAnalyzer.Analyze(fileLog);
                });
                return 0;
            }

            List<GeneratedEvent>? generated = [];
            var clock = Stopwatch.StartNew();
            new JourneyGenerator(parse.GetValue(seed)).Generate(count, generated.Add);
            Console.WriteLine($"generated {generated.Count:N0} events of {count:N0} customers in {clock.Elapsed.TotalSeconds:F1} s (seed {parse.GetValue(seed)})");

            var answers = GeneratedJourneyModel.Answers(generated);
            EventLog? log = null;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var build = Measure("index build", 3, () => log = Build(generated!));
            GC.KeepAlive(log);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            generated = null;
            var columnsBytes = ((long)log!.EventCount * 16) + ((long)log.CustomerCount * 4);
            Console.WriteLine($"resident: columns {(double)columnsBytes / log.EventCount:F1} bytes/event; whole log with dictionaries and properties {(double)(after - before) / log.EventCount:F1} bytes/event");

            var funnelDefinition = new FunnelDefinition(FunnelSteps, FunnelWindow);
            var results = new List<(string Name, double Milliseconds)>
            {
                build,
                Measure("funnel, 5 steps, ordered", repeat, () => FunnelAnalyzer.Analyze(log, funnelDefinition)),
                Measure("funnel, 5 steps, strict", repeat, () => FunnelAnalyzer.Analyze(log, funnelDefinition with { Mode = FunnelMode.Strict })),
                Measure("directly-follows graph", repeat, () => DirectlyFollowsAnalyzer.Analyze(log)),
                Measure("variants", repeat, () => VariantsAnalyzer.Analyze(log)),
                Measure("paths, 5 steps, 30 min sessions", repeat, () => Waymark.Analytics.Paths.PathsAnalyzer.Analyze(log, new Waymark.Analytics.Paths.PathDefinition())),
            };
            results.AddRange(JourneyWorkloads(log, answers, repeat));

            if (parse.GetValue(peers))
            {
                await PeerBench.RunAsync(log, funnelDefinition, repeat, results, cancellationToken);
            }

            return 0;
        });
        return command;
    }

    /// <summary>A planned journey of 30 touchpoints measured over the log: metrics, conformance and pain point
    /// ranking, with the generator's NPS answers; then the same with its three segments compared.</summary>
    private static List<(string Name, double Milliseconds)> JourneyWorkloads(EventLog log, IReadOnlyList<Waymark.Analytics.Journeys.JourneyAnswer> answers, int repeat)
    {
        var model = GeneratedJourneyModel.Create();
        var options = new Waymark.Analytics.Journeys.JourneyMetricsOptions { Answers = answers };
        var segments = SegmentChannels.Select(channel => Waymark.Application.Evidence.SegmentRuleText.Parse($"event.channel={channel}").Value).ToList();
        var members = segments.Select(rule => new Waymark.Analytics.Journeys.SegmentMembers(rule.Name, rule.Members(log))).ToList();
        void Measure30(Waymark.Analytics.Journeys.JourneyMetricsOptions with) =>
            Waymark.Analytics.Journeys.PainPointRanking.Rank(Waymark.Analytics.Journeys.JourneyMetricsAnalyzer.Analyze(log, model, with).Segments[0]);
        var cart = IndexOf(model, "cart_added");
        var order = IndexOf(model, "order_completed");
        var latest = log.Timestamp.Max();
        var live = new EventLogBuilder();
        for (var i = 0; i < 1000; i++)
        {
            live.Add(log.Customers[(i * 997) % log.CustomerCount], "cart_added", latest + i, "web");
        }

        var delta = live.Build();
        return
        [
            Measure("journey metrics, 30 touchpoints", repeat, () => Measure30(options)),
            Measure("journey metrics, 30 touchpoints, 3 segments", repeat, () => Measure30(options with { Segments = members })),
            Measure("follow-up scan (basket, no order in 2 h)", repeat, () => Waymark.Analytics.Journeys.StuckCustomers.Find(log, model, cart, order, 7_200_000, 0, latest)),
            Measure("live append of 1,000 events", repeat, () => EventLogMerge.Merge(log, delta)),
        ];
    }

    private static int IndexOf(Waymark.Analytics.Journeys.JourneyModel model, string activity)
    {
        for (var i = 0; i < model.Touchpoints.Count; i++)
        {
            if (model.Touchpoints[i].Filters.Any(filter => filter.Activity == activity))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The generated journey has no touchpoint for {activity}.");
    }

    internal static EventLog Build(List<GeneratedEvent> generated)
    {
        var builder = new EventLogBuilder();
        foreach (var item in generated)
        {
            builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel);
        }

        return builder.Build();
    }

    internal static (string Name, double Milliseconds) Measure(string name, int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} median {median,10:F1} ms   (min {times[0]:F1}, max {times[^1]:F1}, {runs} warm runs)"));
        return (name, median);
    }
}
