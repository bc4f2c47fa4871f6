using System.Runtime.InteropServices;

namespace Waymark.Analytics.Journeys;

/// <summary>Counts integer sequences exactly, storing each distinct sequence once in one growing array.</summary>
internal sealed class PathCounter
{
    private readonly Dictionary<(int Offset, int Length), long> _counts;
    private int[] _arena = new int[4096];
    private int _used;

    public PathCounter() => _counts = new Dictionary<(int Offset, int Length), long>(new SliceComparer(this));

    public void Add(ReadOnlySpan<int> path, long count = 1)
    {
        if (_used + path.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + path.Length));
        }

        path.CopyTo(_arena.AsSpan(_used));
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, (_used, path.Length), out var exists);
        total += count;
        if (!exists)
        {
            _used += path.Length;
        }
    }

    public void AddAll(PathCounter other)
    {
        foreach (var ((offset, length), count) in other._counts)
        {
            Add(other._arena.AsSpan(offset, length), count);
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

    private sealed class SliceComparer(PathCounter owner) : IEqualityComparer<(int Offset, int Length)>
    {
        public bool Equals((int Offset, int Length) x, (int Offset, int Length) y) =>
            x.Length == y.Length && owner._arena.AsSpan(x.Offset, x.Length).SequenceEqual(owner._arena.AsSpan(y.Offset, y.Length));

        public int GetHashCode((int Offset, int Length) obj)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(owner._arena.AsSpan(obj.Offset, obj.Length)));
            return hash.ToHashCode();
        }
    }
}
