using System.Runtime.InteropServices;

namespace Waymark.Analytics.Journeys;

/// <summary>Counts integer sequences exactly, storing each distinct sequence once in one growing array.</summary>
internal sealed class PathCounter
{
    private readonly Dictionary<Slice, long> _counts;
    private int[] _arena = new int[4096];
    private int _used;

    public PathCounter() => _counts = new Dictionary<Slice, long>(new SliceComparer(this));

    /// <summary>The hash <see cref="Add"/> expects for a path: FNV-1a over the 32-bit steps, folded to 32 bits
    /// (cheap on the scan's path; equal hashes are still compared step by step).</summary>
    public static int Hash(ReadOnlySpan<int> path)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var step in path)
        {
            hash = (hash ^ (uint)step) * 1_099_511_628_211UL;
        }

        return (int)(hash ^ (hash >> 32));
    }

    public void Add(ReadOnlySpan<int> path, int hash, long count = 1)
    {
        if (_used + path.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + path.Length));
        }

        path.CopyTo(_arena.AsSpan(_used));
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, new Slice(_used, path.Length, hash), out var exists);
        total += count;
        if (!exists)
        {
            _used += path.Length;
        }
    }

    public void AddAll(PathCounter other)
    {
        foreach (var (slice, count) in other._counts)
        {
            Add(other._arena.AsSpan(slice.Offset, slice.Length), slice.Hash, count);
        }
    }

    /// <summary>The <paramref name="top"/> most frequent sequences, most first; ties in ascending sequence order.</summary>
    public List<(int[] Path, long Count)> Top(int top) =>
        _counts
            .Select(entry => (Path: _arena.AsSpan(entry.Key.Offset, entry.Key.Length).ToArray(), Count: entry.Value))
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.Path, Comparer<int[]>.Create((left, right) => left.AsSpan().SequenceCompareTo(right)))
            .Take(top)
            .ToList();

    /// <summary>A sequence stored in the arena, with its hash computed once.</summary>
    private readonly record struct Slice(int Offset, int Length, int Hash);

    private sealed class SliceComparer(PathCounter owner) : IEqualityComparer<Slice>
    {
        public bool Equals(Slice x, Slice y) =>
            x.Hash == y.Hash && x.Length == y.Length && owner._arena.AsSpan(x.Offset, x.Length).SequenceEqual(owner._arena.AsSpan(y.Offset, y.Length));

        public int GetHashCode(Slice obj) => obj.Hash;
    }
}
