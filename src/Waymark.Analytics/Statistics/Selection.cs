namespace Waymark.Analytics.Statistics;

/// <summary>Order statistics without sorting (Hoare's quickselect with median-of-three pivots).</summary>
public static class Selection
{
    /// <summary>The exact median of <paramref name="values"/> in milliseconds, reordering them: the middle value, or the mean of the two middle values for an even count.</summary>
    public static double MedianInPlace(Span<long> values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var upper = values.Length / 2;
        var high = Select(values, upper);
        if (values.Length % 2 == 1)
        {
            return high;
        }

        // After selecting the upper middle, every value left of it is <= it: the lower middle is their maximum.
        var low = long.MinValue;
        foreach (var value in values[..upper])
        {
            low = Math.Max(low, value);
        }

        return (low + (double)high) / 2;
    }

    /// <summary>The k-th smallest value (0-based); afterwards values[..k] ≤ values[k] ≤ values[k+1..].</summary>
    public static long Select(Span<long> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (right > left)
        {
            var middle = left + ((right - left) / 2);
            if (values[middle] < values[left])
            {
                (values[middle], values[left]) = (values[left], values[middle]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[middle])
            {
                (values[right], values[middle]) = (values[middle], values[right]);
            }

            var pivot = values[middle];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
