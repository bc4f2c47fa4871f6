using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.DirectlyFollows;

/// <summary>Numbers the (from, to) activity pairs of a log densely, so per-pair arrays stay small.</summary>
internal interface IPairIndex
{
    int Count { get; }

    int Of(int from, int to);

    (int From, int To) Pair(int id);
}

/// <summary>Every possible pair, numbered from × activities + to: fastest, for logs with few activities.</summary>
internal readonly struct DensePairs(int activityCount) : IPairIndex
{
    public int Count => activityCount * activityCount;

    public int Of(int from, int to) => (from * activityCount) + to;

    public (int From, int To) Pair(int id) => (id / activityCount, id % activityCount);
}

/// <summary>Only the pairs that occur, found in one pass: for logs with many activities (URLs as events).</summary>
internal readonly struct SparsePairs : IPairIndex
{
    private readonly Dictionary<long, int> _ids;
    private readonly List<(int, int)> _pairs;

    public SparsePairs(EventLog log)
    {
        _ids = [];
        _pairs = [];
        var activity = log.ActivityArray;
        var customerStart = log.CustomerStartArray;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            for (var i = customerStart[customer] + 1; i < customerStart[customer + 1]; i++)
            {
                var key = ((long)activity[i - 1] << 32) | (uint)activity[i];
                if (!_ids.ContainsKey(key))
                {
                    _ids[key] = _pairs.Count;
                    _pairs.Add((activity[i - 1], activity[i]));
                }
            }
        }
    }

    public int Count => _pairs.Count;

    public int Of(int from, int to) => _ids[((long)from << 32) | (uint)to];

    public (int From, int To) Pair(int id) => _pairs[id];
}
