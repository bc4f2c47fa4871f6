namespace Waymark.Analytics.EventLogs;

/// <summary>Collects events in source order, then builds an <see cref="EventLog"/>.</summary>
/// <remarks>Not thread-safe. <see cref="Build"/> sorts each customer's events by timestamp with a stable sort, so
/// equal timestamps keep the order in which they were added.</remarks>
public sealed class EventLogBuilder
{
    private readonly Dictionary<string, int> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _channels = new(StringComparer.Ordinal);
    private readonly List<string> _customerNames = [];
    private readonly List<string> _activityNames = [];
    private readonly List<string> _channelNames = [];
    private readonly List<IReadOnlyDictionary<string, string>?> _customerProperties = [];
    private int[] _customer = new int[1024];
    private int[] _activity = new int[1024];
    private int[] _channel = new int[1024];
    private long[] _timestamp = new long[1024];
    private readonly Dictionary<string, PropertyBuilder> _properties = new(StringComparer.Ordinal);

    /// <summary>The number of events added so far.</summary>
    public int EventCount { get; private set; }

    /// <summary>The number of distinct customers added so far.</summary>
    public int CustomerCount => _customerNames.Count;

    /// <summary>Adds one event.</summary>
    /// <param name="customer">The customer (case) id; compared ordinally.</param>
    /// <param name="activity">The event name.</param>
    /// <param name="timestampMilliseconds">UTC milliseconds since the Unix epoch.</param>
    /// <param name="channel">The channel, or null.</param>
    /// <param name="properties">The event's other properties (name, value), or null.</param>
    public void Add(string customer, string activity, long timestampMilliseconds, string? channel = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(activity);
        if (EventCount == _activity.Length)
        {
            var size = checked(EventCount * 2);
            Array.Resize(ref _customer, size);
            Array.Resize(ref _activity, size);
            Array.Resize(ref _channel, size);
            Array.Resize(ref _timestamp, size);
        }

        _customer[EventCount] = Intern(_customers, _customerNames, customer, onNew: () => _customerProperties.Add(null));
        _activity[EventCount] = Intern(_activities, _activityNames, activity);
        _channel[EventCount] = channel is null ? -1 : Intern(_channels, _channelNames, channel);
        _timestamp[EventCount] = timestampMilliseconds;
        if (properties is not null)
        {
            foreach (var (name, value) in properties)
            {
                if (!_properties.TryGetValue(name, out var column))
                {
                    _properties[name] = column = new PropertyBuilder();
                }

                column.Set(EventCount, value);
            }
        }

        EventCount++;
    }

    /// <summary>Sets a customer's properties (replacing earlier ones); the customer is created if new.</summary>
    public void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties)
    {
        var index = Intern(_customers, _customerNames, customer, onNew: () => _customerProperties.Add(null));
        _customerProperties[index] = properties;
    }

    /// <summary>Builds the log. The builder should not be used afterwards.</summary>
    public EventLog Build()
    {
        var customerCount = _customerNames.Count;
        var start = new int[customerCount + 1];
        for (var i = 0; i < EventCount; i++)
        {
            start[_customer[i] + 1]++;
        }

        for (var c = 0; c < customerCount; c++)
        {
            start[c + 1] += start[c];
        }

        // A stable counting sort by customer keeps source order within each customer ...
        var next = (int[])start.Clone();
        var order = new int[EventCount];
        for (var i = 0; i < EventCount; i++)
        {
            order[next[_customer[i]]++] = i;
        }

        // ... then each customer's run is ordered by time, ties by source position (stable).
        for (var c = 0; c < customerCount; c++)
        {
            SortRunByTime(order, start[c], start[c + 1]);
        }

        var activity = new int[EventCount];
        var channel = new int[EventCount];
        var timestamp = new long[EventCount];
        for (var position = 0; position < EventCount; position++)
        {
            var source = order[position];
            activity[position] = _activity[source];
            channel[position] = _channel[source];
            timestamp[position] = _timestamp[source];
        }

        var properties = new Dictionary<string, EventPropertyColumn>(StringComparer.Ordinal);
        foreach (var (name, column) in _properties)
        {
            var index = new int[EventCount];
            for (var position = 0; position < EventCount; position++)
            {
                index[position] = column.At(order[position]);
            }

            properties[name] = new EventPropertyColumn(name, [.. column.Names], index);
        }

        return new EventLog([.. _customerNames], [.. _activityNames], [.. _channelNames], start, activity, channel, timestamp, [.. _customerProperties], properties);
    }

    private void SortRunByTime(int[] order, int from, int to)
    {
        var sorted = true;
        for (var i = from + 1; i < to && sorted; i++)
        {
            sorted = _timestamp[order[i - 1]] <= _timestamp[order[i]];
        }

        if (!sorted)
        {
            var timestamps = _timestamp;
            Array.Sort(order, from, to - from, Comparer<int>.Create((left, right) =>
            {
                var byTime = timestamps[left].CompareTo(timestamps[right]);
                return byTime != 0 ? byTime : left.CompareTo(right);
            }));
        }
    }

    /// <summary>One property's values while the log is built: −1 (none) for events before its first value.</summary>
    private sealed class PropertyBuilder
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private int[] _values = [];

        public List<string> Names { get; } = [];

        public void Set(int position, string value)
        {
            if (position >= _values.Length)
            {
                var old = _values.Length;
                Array.Resize(ref _values, Math.Max(1024, Math.Max(position + 1, old * 2)));
                Array.Fill(_values, -1, old, _values.Length - old);
            }

            _values[position] = Intern(_index, Names, value);
        }

        public int At(int position) => position < _values.Length ? _values[position] : -1;
    }

    private static int Intern(Dictionary<string, int> index, List<string> names, string value, Action? onNew = null)
    {
        if (!index.TryGetValue(value, out var id))
        {
            id = names.Count;
            index[value] = id;
            names.Add(value);
            onNew?.Invoke();
        }

        return id;
    }
}
