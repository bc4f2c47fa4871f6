using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Journeys;

/// <summary>One customer's actual journey against the plan, as a CJML deviation diagram shows it: every event in
/// time order, mapped to its touchpoint or marked unplanned, with the compliance of each step.</summary>
/// <param name="Customer">The customer's id.</param>
/// <param name="Steps">The customer's events inside the time range, in log order.</param>
/// <param name="Skipped">Keys of touchpoints planned before the furthest one reached, never reached (touchpoints
/// without filters are never observed, so never skipped).</param>
/// <param name="Conformant">No step out of order, late or unplanned between mapped events, and nothing skipped.</param>
public sealed record ActualJourney(string Customer, IReadOnlyList<ActualStep> Steps, IReadOnlyList<string> Skipped, bool Conformant)
{
    /// <summary>The actual journey of <paramref name="customer"/>, or null when the log has no such customer.</summary>
    public static ActualJourney? Of(EventLog log, JourneyModel model, string customer, long? from = null, long? to = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(model);
        var index = -1;
        for (var c = 0; c < log.CustomerCount && index < 0; c++)
        {
            index = string.Equals(log.Customers[c], customer, StringComparison.Ordinal) ? c : -1;
        }

        if (index < 0)
        {
            return null;
        }

        var classifier = new EventClassifier(log, model);
        var positions = Enumerable.Range(log.CustomerStartArray[index], log.CustomerStartArray[index + 1] - log.CustomerStartArray[index])
            .Where(position => log.TimestampArray[position] >= (from ?? long.MinValue) && log.TimestampArray[position] < (to ?? long.MaxValue))
            .ToList();
        var mapped = positions.Select(classifier.Classify).ToList();
        var firstMapped = mapped.FindIndex(touchpoint => touchpoint >= 0);
        var lastMapped = mapped.FindLastIndex(touchpoint => touchpoint >= 0);
        var seen = new bool[model.Touchpoints.Count];
        var furthest = -1;
        long? previousTime = null;
        var steps = new List<ActualStep>(positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            var touchpoint = mapped[i];
            var time = log.TimestampArray[position];
            var channel = log.ChannelArray[position] < 0 ? null : log.Channels[log.ChannelArray[position]];
            if (touchpoint < 0)
            {
                var between = i > firstMapped && i < lastMapped && firstMapped >= 0;
                steps.Add(new ActualStep(time, log.Activities[log.ActivityArray[position]], channel, null, between ? StepCompliance.Unplanned : StepCompliance.Outside, null));
                continue;
            }

            var plan = model.Touchpoints[touchpoint];
            double? into = !seen[touchpoint] && previousTime is { } previous ? (time - previous) / 1000.0 : null;
            var compliance = touchpoint < furthest ? StepCompliance.OutOfOrder
                : seen[touchpoint] ? StepCompliance.Repeat
                : into is { } seconds && plan.PlannedMilliseconds is { } planned && seconds * 1000 > planned ? StepCompliance.Late
                : StepCompliance.AsPlanned;
            steps.Add(new ActualStep(time, log.Activities[log.ActivityArray[position]], channel, plan.Key, compliance, into));
            seen[touchpoint] = true;
            furthest = Math.Max(furthest, touchpoint);
            previousTime = time;
        }

        var skipped = Enumerable.Range(0, Math.Max(0, furthest)).Where(t => !seen[t] && model.Touchpoints[t].Filters.Count > 0).Select(t => model.Touchpoints[t].Key).ToList();
        var conformant = skipped.Count == 0 && steps.All(step => step.Compliance is StepCompliance.AsPlanned or StepCompliance.Repeat or StepCompliance.Outside);
        return new ActualJourney(customer, steps, skipped, conformant);
    }
}

/// <summary>One event of an actual journey.</summary>
/// <param name="TimestampMilliseconds">When it happened.</param>
/// <param name="Event">The event name.</param>
/// <param name="Channel">Its channel, or null.</param>
/// <param name="Touchpoint">The key of the touchpoint it counts as, or null when unplanned.</param>
/// <param name="Compliance">How the step relates to the plan.</param>
/// <param name="SecondsFromPrevious">For the first event at a touchpoint after another mapped event: the time since it.</param>
public sealed record ActualStep(long TimestampMilliseconds, string Event, string? Channel, string? Touchpoint, StepCompliance Compliance, double? SecondsFromPrevious);

/// <summary>How one step of an actual journey relates to the planned journey.</summary>
public enum StepCompliance
{
    /// <summary>The first event at a touchpoint, in planned order and in time.</summary>
    AsPlanned,

    /// <summary>Another event at a touchpoint already reached, not out of order.</summary>
    Repeat,

    /// <summary>The first event at a touchpoint, later than planned.</summary>
    Late,

    /// <summary>An event at a touchpoint planned before one already reached.</summary>
    OutOfOrder,

    /// <summary>An event no touchpoint maps, between mapped events: a deviation.</summary>
    Unplanned,

    /// <summary>An event no touchpoint maps, before the first or after the last mapped event.</summary>
    Outside,
}
