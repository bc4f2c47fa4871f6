using BenchmarkDotNet.Attributes;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Variants;
using Waymark.Application.Generation;

namespace Waymark.Benchmarks;

/// <summary>Each analyzer on generated journeys (about 10 events per customer).
/// Run: <c>dotnet run -c Release --project bench/Waymark.Benchmarks -- --filter '*'</c>.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private EventLog _log = null!;
    private FunnelDefinition _funnel = null!;

    [Params(100_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new EventLogBuilder();
        new JourneyGenerator(42).Generate(Customers, item => builder.Add(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel));
        _log = builder.Build();
        _funnel = new FunnelDefinition(["ad_impression", "product_viewed", "cart_added", "order_completed", "repeat_purchase"], TimeSpan.FromDays(30));
    }

    [Benchmark]
    public FunnelReport FunnelOrdered() => FunnelAnalyzer.Analyze(_log, _funnel);

    [Benchmark]
    public FunnelReport FunnelStrict() => FunnelAnalyzer.Analyze(_log, _funnel with { Mode = FunnelMode.Strict });

    [Benchmark]
    public FunnelReport FunnelAnyOrder() => FunnelAnalyzer.Analyze(_log, _funnel with { Mode = FunnelMode.Any });

    [Benchmark]
    public DirectlyFollowsReport DirectlyFollows() => DirectlyFollowsAnalyzer.Analyze(_log);

    [Benchmark]
    public VariantsReport Variants() => VariantsAnalyzer.Analyze(_log);
}
