using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Journeys;

/// <summary>Customers who reached one touchpoint and did not reach another in time: the occurrences that follow-up
/// rules act on ("reached the basket and has not paid within 2 hours").</summary>
/// <remarks>
/// <para>An occurrence starts at a customer's event that counts as touchpoint <c>from</c> (see
/// <see cref="JourneyModel"/>: the first matching touchpoint in planned order) at time <c>t</c>, unless an earlier
/// occurrence of the same customer is still open: an occurrence stays open until the customer's first event that
/// counts as <c>to</c> after it (in log order), however late. So repeated basket events before paying are one
/// occurrence, and a basket after a payment starts a new one.</para>
/// <para>An occurrence is stuck when no <c>to</c> event follows it (in log order) with a time at most
/// <c>t + within</c> (inclusive), and it is reported once that deadline is at or before <c>now</c>. Occurrences that
/// start before <c>notBefore</c> are never reported (a rule does not act on history from before it existed).</para>
/// <para>Each occurrence is identified by its customer and its start time, so a caller can act on it exactly once.</para>
/// </remarks>
public static class StuckCustomers
{
    /// <summary>One stuck occurrence.</summary>
    /// <param name="Customer">The customer's id.</param>
    /// <param name="ReachedAt">When the customer reached <c>from</c> (UTC milliseconds): the occurrence's start.</param>
    /// <param name="Position">The log position of that event.</param>
    public sealed record Occurrence(string Customer, long ReachedAt, int Position);

    /// <summary>The stuck occurrences, in customer order, then by time.</summary>
    public static IReadOnlyList<Occurrence> Find(EventLog log, JourneyModel model, int from, int to, long withinMilliseconds, long notBefore, long now) =>
        Scan(log, model, from, to, withinMilliseconds, notBefore, now).Stuck;

    /// <summary>As <see cref="Find"/>, with the earliest deadline still ahead of <paramref name="now"/> (of an open
    /// occurrence not yet due), or null when there is none: until then, and while the log is unchanged, a new scan
    /// would find nothing new.</summary>
    public static (IReadOnlyList<Occurrence> Stuck, long? NextDeadline) Scan(EventLog log, JourneyModel model, int from, int to, long withinMilliseconds, long notBefore, long now)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(withinMilliseconds);
        if (from < 0 || from >= model.Touchpoints.Count || to < 0 || to >= model.Touchpoints.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "Both touchpoints must be in the model.");
        }

        var classifier = new EventClassifier(log, model);
        var start = log.CustomerStartArray;
        var time = log.TimestampArray;
        var found = new List<Occurrence>();
        long? next = null;
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var open = -1; // position of the open occurrence's start, or −1
            var reached = false; // whether the open occurrence met `to` within its window
            for (var position = start[customer]; position < start[customer + 1]; position++)
            {
                var touchpoint = classifier.Classify(position);
                if (touchpoint == to && open >= 0)
                {
                    reached |= time[position] <= time[open] + withinMilliseconds;
                    Report(open, reached);
                    open = -1;
                }
                else if (touchpoint == from && open < 0)
                {
                    open = position;
                    reached = false;
                }
            }

            if (open >= 0)
            {
                Report(open, reached: false);
            }

            void Report(int position, bool reached)
            {
                var at = time[position];
                if (reached || at < notBefore)
                {
                    return;
                }

                if (at + withinMilliseconds <= now)
                {
                    found.Add(new Occurrence(log.Customers[customer], at, position));
                }
                else if (next is not { } earliest || at + withinMilliseconds < earliest)
                {
                    next = at + withinMilliseconds;
                }
            }
        }

        return (found, next);
    }
}
