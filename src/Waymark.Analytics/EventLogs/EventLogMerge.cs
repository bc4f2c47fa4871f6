using System.Collections.Concurrent;

namespace Waymark.Analytics.EventLogs;

/// <summary>Appends a log of newer events to a log, as live ingestion does every second, without rebuilding it.</summary>
public static class EventLogMerge
{
    /// <summary>The log that <see cref="EventLogBuilder"/> would build from <paramref name="earlier"/>'s source events
    /// followed by <paramref name="later"/>'s.</summary>
    /// <remarks>
    /// Customers, activities and channels new in <paramref name="later"/> are numbered after the earlier ones, in
    /// <paramref name="later"/>'s order. Each customer's events stay ordered by time; on equal timestamps the earlier
    /// log's events come first, as they came first in the source. A customer's properties in
    /// <paramref name="later"/> replace the earlier ones; where <paramref name="later"/> has none, the earlier stay.
    /// Event property columns are united; an event without a value in a column has none (−1). Customers whose events
    /// did not change are block-copied, so the cost is one pass over the earlier columns plus the new events.
    /// Merge into the newest log only: the customer lookup it keeps is shared with the result.
    /// </remarks>
    public static EventLog Merge(EventLog earlier, EventLog later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (later.CustomerCount == 0)
        {
            return earlier;
        }

        var customerLookup = earlier.CustomerLookup is { } shared && shared.Count == earlier.CustomerCount ? shared : LookupOf(earlier);
        var customers = new List<string>(earlier.Customers);
        var customerOf = new int[later.CustomerCount];
        for (var c = 0; c < later.CustomerCount; c++)
        {
            var name = later.Customers[c];
            if (!customerLookup.TryGetValue(name, out var merged))
            {
                merged = customers.Count;
                customers.Add(name);
                customerLookup[name] = merged;
            }

            customerOf[c] = merged;
        }

        var activities = new List<string>(earlier.Activities);
        var activityOf = Remap(later.Activities, activities);
        var channels = new List<string>(earlier.Channels);
        var channelOf = Remap(later.Channels, channels);

        // The later customers, by merged index, so the copy below walks customers in merged order.
        var laterOf = new int[customers.Count];
        Array.Fill(laterOf, -1);
        for (var c = 0; c < later.CustomerCount; c++)
        {
            laterOf[customerOf[c]] = c;
        }

        var eventCount = checked(earlier.EventCount + later.EventCount);
        var start = new int[customers.Count + 1];
        var activity = new int[eventCount];
        var channel = new int[eventCount];
        var timestamp = new long[eventCount];
        var properties = PropertyColumns(earlier, later, eventCount);
        var copy = new Copier(earlier, later, activity, channel, timestamp, activityOf, channelOf, properties);
        var position = 0;
        var pendingFrom = 0; // earlier customers from here on are copied as one block when a changed customer comes
        for (var m = 0; m < customers.Count; m++)
        {
            var l = laterOf[m];
            if (l < 0)
            {
                start[m + 1] = start[m] + Length(earlier, m);
                continue;
            }

            var blockEnd = Math.Min(m, earlier.CustomerCount);
            if (blockEnd > pendingFrom)
            {
                var from = earlier.CustomerStartArray[pendingFrom];
                var length = earlier.CustomerStartArray[blockEnd] - from;
                copy.Block(from, position, length);
                position += length;
            }

            pendingFrom = m + 1;
            var earlierFrom = m < earlier.CustomerCount ? earlier.CustomerStartArray[m] : 0;
            var earlierTo = m < earlier.CustomerCount ? earlier.CustomerStartArray[m + 1] : 0;
            position = copy.Interleave(earlierFrom, earlierTo, later.CustomerStartArray[l], later.CustomerStartArray[l + 1], position);
            start[m + 1] = position;
        }

        if (pendingFrom < earlier.CustomerCount)
        {
            var from = earlier.CustomerStartArray[pendingFrom];
            copy.Block(from, position, earlier.EventCount - from);
        }

        var customerProperties = new List<IReadOnlyDictionary<string, string>?>(customers.Count);
        customerProperties.AddRange(earlier.CustomerProperties);
        customerProperties.AddRange(Enumerable.Repeat<IReadOnlyDictionary<string, string>?>(null, customers.Count - earlier.CustomerCount));
        for (var c = 0; c < later.CustomerCount; c++)
        {
            if (later.CustomerProperties[c] is { } replaced)
            {
                customerProperties[customerOf[c]] = replaced;
            }
        }

        return new EventLog([.. customers], [.. activities], [.. channels], start, activity, channel, timestamp, customerProperties,
            properties.ToDictionary(column => column.Name, column => new EventPropertyColumn(column.Name, [.. column.Values], column.Index), StringComparer.Ordinal))
        {
            CustomerLookup = customerLookup,
        };
    }

    private static int Length(EventLog log, int customer) =>
        customer < log.CustomerCount ? log.CustomerStartArray[customer + 1] - log.CustomerStartArray[customer] : 0;

    private static ConcurrentDictionary<string, int> LookupOf(EventLog log)
    {
        var lookup = new ConcurrentDictionary<string, int>(concurrencyLevel: 1, capacity: log.CustomerCount, StringComparer.Ordinal);
        for (var c = 0; c < log.CustomerCount; c++)
        {
            lookup[log.Customers[c]] = c;
        }

        return lookup;
    }

    private static int[] Remap(IReadOnlyList<string> names, List<string> merged)
    {
        var map = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var index = merged.IndexOf(names[i]);
            if (index < 0)
            {
                index = merged.Count;
                merged.Add(names[i]);
            }

            map[i] = index;
        }

        return map;
    }

    private static List<MergedColumn> PropertyColumns(EventLog earlier, EventLog later, int eventCount)
    {
        var columns = new List<MergedColumn>();
        foreach (var name in earlier.EventProperties.Keys.Union(later.EventProperties.Keys, StringComparer.Ordinal))
        {
            earlier.EventProperties.TryGetValue(name, out var before);
            later.EventProperties.TryGetValue(name, out var after);
            var values = new List<string>(before?.Values ?? []);
            columns.Add(new MergedColumn(name, values, new int[eventCount], before?.Index, after?.Index, after is null ? [] : Remap(after.Values, values)));
        }

        return columns;
    }

    /// <summary>One united property column: its values, the merged index, and where each side's indexes come from.</summary>
    private sealed record MergedColumn(string Name, List<string> Values, int[] Index, int[]? Earlier, int[]? Later, int[] LaterValueOf);

    /// <summary>Copies events from either log into the merged columns.</summary>
    private sealed class Copier(EventLog earlier, EventLog later, int[] activity, int[] channel, long[] timestamp, int[] activityOf, int[] channelOf, List<MergedColumn> properties)
    {
        public void Block(int from, int to, int length)
        {
            Array.Copy(earlier.ActivityArray, from, activity, to, length);
            Array.Copy(earlier.ChannelArray, from, channel, to, length);
            Array.Copy(earlier.TimestampArray, from, timestamp, to, length);
            foreach (var column in properties)
            {
                if (column.Earlier is null)
                {
                    Array.Fill(column.Index, -1, to, length);
                }
                else
                {
                    Array.Copy(column.Earlier, from, column.Index, to, length);
                }
            }
        }

        /// <summary>Merges one customer's earlier run [e, eEnd) and later run [l, lEnd) by time, earlier first on ties.</summary>
        public int Interleave(int e, int eEnd, int l, int lEnd, int position)
        {
            while (e < eEnd || l < lEnd)
            {
                if (l == lEnd || (e < eEnd && earlier.TimestampArray[e] <= later.TimestampArray[l]))
                {
                    Block(e++, position++, 1);
                    continue;
                }

                activity[position] = activityOf[later.ActivityArray[l]];
                channel[position] = later.ChannelArray[l] < 0 ? -1 : channelOf[later.ChannelArray[l]];
                timestamp[position] = later.TimestampArray[l];
                foreach (var column in properties)
                {
                    column.Index[position] = column.Later is null || column.Later[l] < 0 ? -1 : column.LaterValueOf[column.Later[l]];
                }

                l++;
                position++;
            }

            return position;
        }
    }
}
