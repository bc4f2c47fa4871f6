namespace Waymark.Analytics.Statistics;

/// <summary>The sum, minimum and maximum of values in one pass: what a mean and a radix median need, read once.</summary>
internal static class Totals
{
    /// <summary>The checked sum, the minimum and the maximum (<see cref="long.MaxValue"/> and <see cref="long.MinValue"/>
    /// for no values).</summary>
    public static (long Sum, long Min, long Max) Of(ReadOnlySpan<long> values)
    {
        long sum = 0;
        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var value in values)
        {
            sum = checked(sum + value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return (sum, min, max);
    }
}
