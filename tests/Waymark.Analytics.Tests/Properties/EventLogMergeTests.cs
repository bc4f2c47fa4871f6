using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Tests.Properties;

/// <summary>Appending newer events to a log gives the log built from all events at once.</summary>
public sealed class EventLogMergeTests
{
    private sealed record SourceEvent(string Customer, string Activity, long Time, string? Channel, KeyValuePair<string, string>[]? Properties);

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 30));

    private static List<SourceEvent> RandomEvents(Random random, int count, string[] activities, string[] channels)
    {
        var events = new List<SourceEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var properties = random.Next(3) switch
            {
                0 => null,
                1 => new[] { KeyValuePair.Create("plan", random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                _ => [KeyValuePair.Create(random.Next(2) == 0 ? "device" : "plan", random.Next(2) == 0 ? "ios" : "web")],
            };
            events.Add(new SourceEvent($"c{random.Next(40)}", activities[random.Next(activities.Length)], 1_000_000 + random.Next(0, 50) * 1000L,
                random.Next(4) == 0 ? null : channels[random.Next(channels.Length)], properties));
        }

        return events;
    }

    private static EventLog Build(IEnumerable<SourceEvent> events, IEnumerable<(string Customer, Dictionary<string, string> Properties)> customers)
    {
        var builder = new EventLogBuilder();
        foreach (var item in events)
        {
            builder.Add(item.Customer, item.Activity, item.Time, item.Channel, item.Properties);
        }

        foreach (var (customer, properties) in customers)
        {
            builder.SetCustomerProperties(customer, properties);
        }

        return builder.Build();
    }

    /// <summary>Each customer's events as (customer, activity, channel, time, properties) in log order, by name.</summary>
    private static List<string> Rows(EventLog log)
    {
        var rows = new List<string>();
        for (var c = 0; c < log.CustomerCount; c++)
        {
            var traits = log.CustomerProperties[c] is { } p ? string.Join(",", p.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")) : "-";
            rows.Add($"{log.Customers[c]} [{traits}]");
            for (var i = log.CustomerStart[c]; i < log.CustomerStart[c + 1]; i++)
            {
                var channel = log.Channel[i] < 0 ? "-" : log.Channels[log.Channel[i]];
                var properties = string.Join(",", log.EventProperties.Values.OrderBy(column => column.Name, StringComparer.Ordinal).Select(column => $"{column.Name}={column.ValueAt(i)}"));
                rows.Add($"  {log.Activities[log.Activity[i]]} {channel} {log.Timestamp[i]} {properties}");
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_OfSuccessiveAppends_EqualsOneBuild(int seed)
    {
        var random = new Random(seed);
        var whole = new EventLogBuilder();
        var log = Build([], []);
        for (var round = 0; round < 4; round++)
        {
            // Later rounds bring new activities and channels, and customers both known and new.
            var batch = RandomEvents(random, random.Next(0, 60), [.. new[] { "visit", "cart", "pay" }.Take(1 + round)], ["web", "app", "store", $"x{round}"]);
            var batchTraits = random.Next(2) == 0 ? [] : new List<(string, Dictionary<string, string>)> { ($"c{random.Next(45)}", new Dictionary<string, string> { ["tier"] = $"t{round}" }) };
            foreach (var item in batch)
            {
                whole.Add(item.Customer, item.Activity, item.Time, item.Channel, item.Properties);
            }

            foreach (var (customer, properties) in batchTraits)
            {
                whole.SetCustomerProperties(customer, properties);
            }

            log = EventLogMerge.Merge(log, Build(batch, batchTraits));
        }

        var expected = whole.Build();

        Assert.Equal(Rows(expected), Rows(log));
        Assert.Equal(expected.EventCount, log.EventCount);
    }

    [Fact]
    public void Merge_OnEqualTimestamps_KeepsTheEarlierEventFirst()
    {
        var earlier = Build([new SourceEvent("a", "first", 5, null, null)], []);
        var later = Build([new SourceEvent("a", "second", 5, null, null), new SourceEvent("a", "before", 4, null, null)], []);

        var merged = EventLogMerge.Merge(earlier, later);

        Assert.Equal(["before", "first", "second"], merged.Activity.Select(index => merged.Activities[index]));
    }
}
