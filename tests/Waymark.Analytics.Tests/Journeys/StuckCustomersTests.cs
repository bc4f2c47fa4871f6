using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Journeys;

namespace Waymark.Analytics.Tests.Journeys;

/// <summary>Follow-up occurrences: who reached one touchpoint and not the next in time.</summary>
public sealed class StuckCustomersTests
{
    private static readonly JourneyModel Model = new([
        new TouchpointModel("view", "View", [new EventFilter("view", null, [])]),
        new TouchpointModel("cart", "Cart", [new EventFilter("cart", null, [])]),
        new TouchpointModel("pay", "Pay", [new EventFilter("pay", null, [])]),
    ]);

    private static IReadOnlyList<StuckCustomers.Occurrence> Find(long within, long notBefore, long now, params (string Customer, string Activity, long Time)[] events)
    {
        var builder = new EventLogBuilder();
        foreach (var (customer, activity, time) in events)
        {
            builder.Add(customer, activity, time);
        }

        return StuckCustomers.Find(builder.Build(), Model, 1, 2, within, notBefore, now);
    }

    [Fact]
    public void Deadline_IsInclusive_AndOnlyPassedDeadlinesAreReported()
    {
        var occurrences = Find(100, 0, 1000,
            ("on-time", "cart", 10), ("on-time", "pay", 110),
            ("late", "cart", 10), ("late", "pay", 111),
            ("never", "cart", 10),
            ("not-yet", "cart", 950));

        Assert.Equal([("late", 10L), ("never", 10L)], occurrences.Select(occurrence => (occurrence.Customer, occurrence.ReachedAt)));
    }

    [Fact]
    public void RepeatedReachesBeforeTheTarget_AreOneOccurrence_AndANewOneStartsAfterIt()
    {
        var occurrences = Find(100, 0, 10_000,
            ("a", "cart", 10), ("a", "cart", 50), ("a", "cart", 300), ("a", "pay", 400), ("a", "cart", 500), ("a", "view", 900));

        Assert.Equal([10L, 500L], occurrences.Select(occurrence => occurrence.ReachedAt));
    }

    [Fact]
    public void OccurrencesBeforeNotBefore_AreNeverReported()
    {
        var occurrences = Find(100, 500, 10_000, ("old", "cart", 499), ("new", "cart", 500));

        Assert.Equal(["new"], occurrences.Select(occurrence => occurrence.Customer));
    }

    [Fact]
    public void Scan_GivesTheEarliestDeadlineStillAhead()
    {
        var builder = new EventLogBuilder();
        builder.Add("due", "cart", 10);
        builder.Add("soon", "cart", 900);
        builder.Add("later", "cart", 950);
        builder.Add("paid", "cart", 920);
        builder.Add("paid", "pay", 930);

        var (stuck, next) = StuckCustomers.Scan(builder.Build(), Model, 1, 2, 100, 0, 999);

        Assert.Equal(["due"], stuck.Select(occurrence => occurrence.Customer));
        Assert.Equal(1000, next); // soon: 900 + 100, the earliest deadline not yet passed (later's is 1050)
    }
}
