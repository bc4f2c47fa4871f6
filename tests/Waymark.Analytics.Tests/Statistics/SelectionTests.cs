using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.Tests.Statistics;

/// <summary>The radix median, ranks and counts below thresholds over parts against the sorted values.</summary>
public sealed class SelectionTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    private static double SortedMedian(long[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
    }

    /// <summary>Uniform, heavy-tailed, mostly-zero, negative and extreme values, in 1–5 parts of random sizes.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Median_OverParts_EqualsTheSortedMedian(int seed)
    {
        var random = new Random(seed);
        var count = seed % 4 == 0 ? random.Next(1, 300) : random.Next(300, 50_000);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (seed % 5) switch
            {
                0 => random.NextInt64(0, 2_592_000_000),
                1 => (long)Math.Exp(random.NextDouble() * 30),
                2 => random.Next(10) < 7 ? 0 : random.NextInt64(1, 1_000_000_000_000),
                3 => random.NextInt64(-5_000, 5_000),
                _ => random.Next(3) switch { 0 => long.MinValue + random.Next(100), 1 => long.MaxValue - random.Next(100), _ => random.NextInt64() },
            };
        }

        var parts = new List<ReadOnlyMemory<long>>();
        for (var at = 0; at < count;)
        {
            var length = Math.Min(count - at, random.Next(0, (count / 3) + 2));
            parts.Add(values.AsMemory(at, length));
            at += length;
        }

        var before = (long[])values.Clone();
        var sorted = values.Order().ToArray();
        var ranks = new[] { 0, count - 1, (int)Math.Ceiling(0.9 * count) - 1, random.Next(count) };

        Assert.Equal(SortedMedian(values), Selection.Median(parts));
        Assert.All(ranks, rank => Assert.Equal(sorted[rank], Selection.Rank(parts, rank)));
        Assert.Equal(before, values);

        // Thresholds: outside the range, on its ends, on values, between them, and a histogram's ten edges.
        var (min, max) = (sorted[0], sorted[^1]);
        var width = Math.Max(1, (max / 10) - (min / 10));
        var thresholds = new List<long> { long.MinValue, min, unchecked(min + 1), max, unchecked(max + 1), long.MaxValue, values[random.Next(count)], random.NextInt64() };
        thresholds.AddRange(Enumerable.Range(1, 9).Select(bin => unchecked(min + (bin * width))));
        var below = Selection.CountBelow(parts, thresholds);
        Assert.Equal(thresholds.Select(threshold => (long)values.Count(value => value < threshold)), below);
        Assert.Equal(before, values);
    }

    [Fact]
    public void Median_OfEqualValuesAndOfTwoValues()
    {
        Assert.Equal(7, Selection.Median([Enumerable.Repeat(7L, 1_000).ToArray()]));
        Assert.Equal(1.5, Selection.Median([new long[] { 1 }, new long[] { 2 }]));
        Assert.Throws<ArgumentException>(() => Selection.Median([ReadOnlyMemory<long>.Empty]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Rank([new long[] { 1, 2 }], 2));
        Assert.Equal([0, 0, 1_000], Selection.CountBelow([Enumerable.Repeat(7L, 1_000).ToArray()], [6, 7, 8]));
        Assert.Equal([0], Selection.CountBelow([ReadOnlyMemory<long>.Empty], [5]));
    }
}
