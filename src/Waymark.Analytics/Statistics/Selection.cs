namespace Waymark.Analytics.Statistics;

/// <summary>Order statistics without sorting: Hoare's quickselect with median-of-three pivots, and a radix
/// selection that reads values where they lie.</summary>
public static class Selection
{
    /// <summary>Up to this many values the radix selection copies them and uses quickselect.</summary>
    private const int SmallCount = 256;

    /// <summary>The exact median of values held in several parts, which are read and not reordered: the middle
    /// value, or the mean of the two middle values for an even count (the same number as
    /// <see cref="MedianInPlace"/> gives for the parts laid end to end).</summary>
    /// <remarks>Radix selection: one pass finds the minimum and maximum, a second counts the values per bucket of
    /// the top bits of (value − minimum), at most 65,536 buckets, with no branch on the data; only the values of
    /// the one or two buckets holding the middle ranks are copied and quickselected. On skewed data that bucket can
    /// hold many values: the answer stays exact, only slower.</remarks>
    /// <exception cref="ArgumentException">The parts hold no value.</exception>
    public static double Median(IReadOnlyList<ReadOnlyMemory<long>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var (count, min, max) = Bounds(parts);

        return count == 0 ? throw new ArgumentException("The median of nothing is undefined.", nameof(parts)) : Median(parts, count, min, max);
    }

    /// <summary><see cref="Median(IReadOnlyList{ReadOnlyMemory{long}})"/> when the caller already knows the count
    /// (at least 1), the minimum and the maximum of the values.</summary>
    internal static double Median(IReadOnlyList<ReadOnlyMemory<long>> parts, long count, long min, long max)
    {
        var (low, high) = Ranks(parts, count, min, max, (count - 1) / 2, count / 2);
        return (low + (double)high) / 2;
    }

    /// <summary>The value of rank <paramref name="rank"/> (0-based, in ascending order) among values held in
    /// several parts, which are read and not reordered; the same radix selection as <see cref="Median(IReadOnlyList{ReadOnlyMemory{long}})"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is negative or not below the number of values.</exception>
    public static long Rank(IReadOnlyList<ReadOnlyMemory<long>> parts, long rank)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var (count, min, max) = Bounds(parts);

        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, count);
        return Ranks(parts, count, min, max, rank, rank).Low;
    }

    /// <summary>For each threshold, how many of the values held in parts lie strictly below it: the same two passes
    /// as <see cref="Median(IReadOnlyList{ReadOnlyMemory{long}})"/> after one finding the minimum and maximum, however
    /// many thresholds (a histogram's edges) are asked for.</summary>
    public static long[] CountBelow(IReadOnlyList<ReadOnlyMemory<long>> parts, IReadOnlyList<long> thresholds)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(thresholds);
        var (count, min, max) = Bounds(parts);

        return count == 0 ? new long[thresholds.Count] : AtRanks(parts, count, min, max, [], [.. thresholds]).Below;
    }

    /// <summary>The values of ranks <paramref name="lower"/> ≤ <paramref name="upper"/> (0-based).</summary>
    private static (long Low, long High) Ranks(IReadOnlyList<ReadOnlyMemory<long>> parts, long count, long min, long max, long lower, long upper)
    {
        var values = AtRanks(parts, count, min, max, [lower, upper]);
        return (values[0], values[1]);
    }

    /// <summary>The values at several ranks (0-based) of values held in parts, when the caller knows their count,
    /// minimum and maximum: one counting pass and one pass collecting the few buckets that hold the ranks.</summary>
    internal static long[] AtRanks(IReadOnlyList<ReadOnlyMemory<long>> parts, long count, long min, long max, long[] ranks) =>
        AtRanks(parts, count, min, max, ranks, []).Values;

    /// <summary>The values at several ranks (0-based) and, for each threshold, how many values lie below it, of
    /// values held in parts, when the caller knows their count, minimum and maximum. The same two passes as
    /// <see cref="AtRanks(IReadOnlyList{ReadOnlyMemory{long}}, long, long, long, long[])"/>: the counting pass
    /// gives every bucket left of a threshold, and the collecting pass also takes the bucket holding each
    /// threshold, so a histogram costs no pass of its own.</summary>
    internal static (long[] Values, long[] Below) AtRanks(IReadOnlyList<ReadOnlyMemory<long>> parts, long count, long min, long max, long[] ranks, long[] thresholds)
    {
        if (min == max)
        {
            return (ranks.Select(_ => min).ToArray(), thresholds.Select(threshold => threshold > min ? count : 0).ToArray());
        }

        if (count <= SmallCount)
        {
            var all = Concatenate(parts, count);
            Array.Sort(all);
            return (ranks.Select(rank => all[rank]).ToArray(), thresholds.Select(threshold => (long)all.Count(value => value < threshold)).ToArray());
        }

        var range = unchecked((ulong)(max - min));
        var bucketBits = Math.Clamp(63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)count), 8, 16);
        var shift = Math.Max(0, 64 - System.Numerics.BitOperations.LeadingZeroCount(range) - bucketBits);
        var bucketCount = (int)(range >> shift) + 1;
        var buckets = System.Buffers.ArrayPool<long>.Shared.Rent(bucketCount);
        var slot = System.Buffers.ArrayPool<int>.Shared.Rent(bucketCount);
        try
        {
            return AtRanks(parts, count, min, max, ranks, thresholds, shift, buckets.AsSpan(0, bucketCount), slot.AsSpan(0, bucketCount));
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(buckets);
            System.Buffers.ArrayPool<int>.Shared.Return(slot);
        }
    }

    private static (long[] Values, long[] Below) AtRanks(IReadOnlyList<ReadOnlyMemory<long>> parts, long count, long min, long max, long[] ranks, long[] thresholds, int shift, Span<long> buckets, Span<int> slot)
    {
        buckets.Clear();
        slot.Clear();
        foreach (var part in parts)
        {
            foreach (var value in part.Span)
            {
                buckets[(int)(unchecked((ulong)(value - min)) >> shift)]++;
            }
        }

        var located = new (int Bucket, long Below)[ranks.Length];
        for (var r = 0; r < ranks.Length; r++)
        {
            located[r] = Locate(buckets, ranks[r]);
        }

        // A threshold inside the range falls in one bucket: the buckets before it are all below it, and of its own
        // bucket only the values below the threshold (none when buckets are single values).
        var inside = thresholds.Select(threshold => threshold > min && threshold <= max).ToArray();
        var split = thresholds.Select((threshold, t) => inside[t] ? (int)(unchecked((ulong)(threshold - min)) >> shift) : -1).ToArray();
        var before = BucketsBefore(buckets, split);
        if (shift == 0)
        {
            return (located.Select(place => min + place.Bucket).ToArray(), thresholds.Select((threshold, t) => inside[t] ? before[t] : threshold > max ? count : 0).ToArray());
        }

        // Only the buckets holding a rank or a threshold are copied, each into its own array, in one pass.
        var wanted = located.Select(place => place.Bucket).Concat(split.Where(bucket => bucket >= 0)).Distinct().ToArray();
        var candidates = new long[wanted.Length][];
        var taken = new int[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            slot[wanted[w]] = w + 1;
            candidates[w] = new long[buckets[wanted[w]]];
        }

        foreach (var part in parts)
        {
            foreach (var value in part.Span)
            {
                var w = slot[(int)(unchecked((ulong)(value - min)) >> shift)] - 1;
                if (w >= 0)
                {
                    candidates[w][taken[w]++] = value;
                }
            }
        }

        var below = thresholds.Select((threshold, t) => !inside[t] ? (threshold > max ? count : 0) : before[t] + candidates[Array.IndexOf(wanted, split[t])].Count(value => value < threshold)).ToArray();
        return (located.Select((place, r) => Select(candidates[Array.IndexOf(wanted, place.Bucket)], (int)(ranks[r] - place.Below))).ToArray(), below);
    }

    /// <summary>For each bucket index (−1: none), how many values lie in the buckets before it, in one walk.</summary>
    private static long[] BucketsBefore(ReadOnlySpan<long> buckets, int[] split)
    {
        var before = new long[split.Length];
        var order = Enumerable.Range(0, split.Length).Where(t => split[t] >= 0).OrderBy(t => split[t]).ToArray();
        long sum = 0;
        var bucket = 0;
        foreach (var t in order)
        {
            for (; bucket < split[t]; bucket++)
            {
                sum += buckets[bucket];
            }

            before[t] = sum;
        }

        return before;
    }

    private static (long Count, long Min, long Max) Bounds(IReadOnlyList<ReadOnlyMemory<long>> parts)
    {
        long count = 0;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var part in parts)
        {
            count += part.Length;
            foreach (var value in part.Span)
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return (count, min, max);
    }

    /// <summary>The bucket holding the value of the given rank, and how many values lie in the buckets before it.</summary>
    private static (int Bucket, long Below) Locate(ReadOnlySpan<long> buckets, long rank)
    {
        long below = 0;
        for (var bucket = 0; ; bucket++)
        {
            if (rank < below + buckets[bucket])
            {
                return (bucket, below);
            }

            below += buckets[bucket];
        }
    }

    private static long[] Concatenate(IReadOnlyList<ReadOnlyMemory<long>> parts, long count)
    {
        var values = new long[count];
        var at = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(values.AsSpan(at));
            at += part.Length;
        }

        return values;
    }

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
