using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Journeys;

/// <summary>A data-defined group of customers: conditions over customer properties or over the properties of
/// their events.</summary>
/// <param name="Name">The segment's name in reports.</param>
/// <param name="Conditions">At least one.</param>
/// <param name="MatchAll">True: every condition must hold; false: one suffices.</param>
public sealed record SegmentRule(string Name, IReadOnlyList<SegmentRuleCondition> Conditions, bool MatchAll = true)
{
    /// <summary>Which customers of <paramref name="log"/> belong to the segment, by customer index.</summary>
    /// <remarks>A customer condition reads the customer's properties (a missing property is null). An event
    /// condition holds when at least one of the customer's events meets it; the pseudo-property <c>channel</c>
    /// reads the event's channel when the log has no event property of that name.</remarks>
    public bool[] Members(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var members = new bool[log.CustomerCount];
        var columns = Conditions.Select(condition => condition.OnEvent ? log.EventProperties.GetValueOrDefault(condition.Filter.Property) : null).ToArray();
        Parallel.ForEach(log.Chunks, chunk =>
        {
            for (var customer = chunk.From; customer < chunk.To; customer++)
            {
                var all = true;
                var any = false;
                for (var c = 0; c < Conditions.Count; c++)
                {
                    var holds = Holds(log, customer, Conditions[c], columns[c]);
                    all &= holds;
                    any |= holds;
                }

                members[customer] = MatchAll ? all : any;
            }
        });

        return members;
    }

    private static bool Holds(EventLog log, int customer, SegmentRuleCondition condition, EventPropertyColumn? column)
    {
        if (!condition.OnEvent)
        {
            var properties = log.CustomerProperties[customer];
            return condition.Filter.Holds(properties is not null && properties.TryGetValue(condition.Filter.Property, out var value) ? value : null);
        }

        var readsChannel = column is null && string.Equals(condition.Filter.Property, "channel", StringComparison.Ordinal);
        for (var position = log.CustomerStartArray[customer]; position < log.CustomerStartArray[customer + 1]; position++)
        {
            var value = readsChannel
                ? log.ChannelArray[position] < 0 ? null : log.Channels[log.ChannelArray[position]]
                : column?.ValueAt(position);
            if (condition.Filter.Holds(value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One condition of a <see cref="SegmentRule"/>.</summary>
/// <param name="OnEvent">True: a property of the customer's events; false: of the customer.</param>
/// <param name="Filter">The property, operator and value.</param>
public sealed record SegmentRuleCondition(bool OnEvent, PropertyFilter Filter);
