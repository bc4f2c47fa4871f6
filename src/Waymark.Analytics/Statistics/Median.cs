namespace Waymark.Analytics.Statistics;

/// <summary>Exact medians.</summary>
public static class Median
{
    /// <summary>The median of <paramref name="values"/> (sorted in place): the middle value, or the mean of the two
    /// middle values for an even count; null for no values.</summary>
    public static double? Of(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
