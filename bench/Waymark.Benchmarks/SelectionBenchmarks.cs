using BenchmarkDotNet.Attributes;
using Waymark.Analytics.Statistics;

namespace Waymark.Benchmarks;

/// <summary>The exact median of one million durations (heavy-tailed, in milliseconds): the radix selection over
/// parts against quickselect on a copy. Run: <c>dotnet run -c Release --project bench/Waymark.Benchmarks -- --filter '*Selection*'</c>.</summary>
[MemoryDiagnoser]
public class SelectionBenchmarks
{
    private long[] _values = [];
    private long[] _scratch = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = Enumerable.Range(0, 1_000_000).Select(_ => (long)Math.Exp(random.NextDouble() * 20)).ToArray();
        _scratch = new long[_values.Length];
    }

    [Benchmark(Baseline = true)]
    public double QuickselectOnACopy()
    {
        _values.CopyTo(_scratch, 0);
        return Selection.MedianInPlace(_scratch);
    }

    [Benchmark]
    public double RadixOverFourParts() => Selection.Median(
        [_values.AsMemory(0, 250_000), _values.AsMemory(250_000, 250_000), _values.AsMemory(500_000, 250_000), _values.AsMemory(750_000)]);
}
