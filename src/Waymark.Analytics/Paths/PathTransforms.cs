namespace Waymark.Analytics.Paths;

/// <summary>Path transformations with the semantics of Snowplow's attribution package (definitions only; no code
/// taken). Each returns a new list and leaves its input unchanged.</summary>
public static class PathTransforms
{
    /// <summary>Collapses consecutive repeats, keeping the first of each run: [D, A, B, B, C] → [D, A, B, C].</summary>
    public static IReadOnlyList<string> Exposure(IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new List<string>(path.Count);
        foreach (var item in path)
        {
            if (result.Count == 0 || !string.Equals(result[^1], item, StringComparison.Ordinal))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>Keeps the first occurrence of each item, in order: [D, A, B, B, C, D] → [D, A, B, C].</summary>
    public static IReadOnlyList<string> First(IReadOnlyList<string> path) => path.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>First-occurrence order with counts: [D, A, B, B, C, D, C, C] → [D(2), A(1), B(2), C(3)].</summary>
    public static IReadOnlyList<(string Item, int Count)> Frequency(IReadOnlyList<string> path) =>
        path.GroupBy(item => item, StringComparer.Ordinal).Select(group => (group.Key, group.Count())).ToList();

    /// <summary>Removes every <paramref name="item"/> unless the path holds nothing else: [A, B, A, A] → [B].</summary>
    public static IReadOnlyList<string> RemoveIfNotAll(IReadOnlyList<string> path, string item)
    {
        var kept = path.Where(other => !string.Equals(other, item, StringComparison.Ordinal)).ToList();
        return kept.Count == 0 ? path.ToList() : kept;
    }

    /// <summary>Removes trailing <paramref name="item"/>s unless the path holds nothing else: [A, B, A, A] → [A, B].</summary>
    public static IReadOnlyList<string> RemoveIfLastAndNotAll(IReadOnlyList<string> path, string item)
    {
        var end = path.Count;
        while (end > 0 && string.Equals(path[end - 1], item, StringComparison.Ordinal))
        {
            end--;
        }

        return end == 0 ? path.ToList() : path.Take(end).ToList();
    }

    /// <summary>Keeps the last <paramref name="length"/> items.</summary>
    public static IReadOnlyList<string> TrimLong(IReadOnlyList<string> path, int length) => path.Skip(Math.Max(0, path.Count - length)).ToList();
}
