using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Variants;

/// <summary>Groups customers by their exact activity sequence (PM4Py's variants).</summary>
public static class VariantsAnalyzer
{
    /// <summary>Analyzes the whole log.</summary>
    public static VariantsReport Analyze(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var byKey = new Dictionary<SequenceKey, (int FirstSeen, long Count, int Customer)>();
        long cases = 0;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            if (from == to)
            {
                continue;
            }

            cases++;
            var key = new SequenceKey(log, from, to);
            byKey[key] = byKey.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (byKey.Count, 1, customer);
        }

        var variants = byKey.Values
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.FirstSeen)
            .Select(entry =>
            {
                var from = log.CustomerStartArray[entry.Customer];
                var to = log.CustomerStartArray[entry.Customer + 1];
                var activities = new string[to - from];
                for (var i = from; i < to; i++)
                {
                    activities[i - from] = log.Activities[log.ActivityArray[i]];
                }

                return new Variant(activities, entry.Count);
            })
            .ToList();
        return new VariantsReport(cases, variants);
    }

    /// <summary>A customer's activity run, compared by content without copying it.</summary>
    private readonly struct SequenceKey(EventLog log, int from, int to) : IEquatable<SequenceKey>
    {
        private readonly int _hash = Hash(log, from, to);

        public bool Equals(SequenceKey other)
        {
            if (to - from != other.Length || _hash != other._hash)
            {
                return false;
            }

            for (var i = 0; i < to - from; i++)
            {
                if (log.ActivityArray[from + i] != log.ActivityArray[other.From + i])
                {
                    return false;
                }
            }

            return true;
        }

        private int From => from;

        private int Length => to - from;

        public override bool Equals(object? obj) => obj is SequenceKey other && Equals(other);

        public override int GetHashCode() => _hash;

        private static int Hash(EventLog log, int from, int to)
        {
            var hash = new HashCode();
            for (var i = from; i < to; i++)
            {
                hash.Add(log.ActivityArray[i]);
            }

            return hash.ToHashCode();
        }
    }
}
