using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Journeys;

/// <summary>How much of a log a journey's touchpoints cover, and the frequent events none of them matches.</summary>
/// <param name="Events">Events in the log.</param>
/// <param name="Mapped">Events some touchpoint matches.</param>
/// <param name="Share">Mapped ÷ events; null for an empty log.</param>
/// <param name="Unmatched">Event name and channel pairs no touchpoint matches, most events first.</param>
public sealed record MappingCoverage(long Events, long Mapped, double? Share, IReadOnlyList<UnmatchedEvent> Unmatched)
{
    /// <summary>The coverage of <paramref name="model"/> over <paramref name="log"/>, listing the <paramref name="top"/> most frequent unmatched pairs.</summary>
    public static MappingCoverage Of(EventLog log, JourneyModel model, int top = 50)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(model);
        var classifier = new EventClassifier(log, model);
        var slots = log.Channels.Count + 1;
        var chunks = log.Chunks;
        var partials = new long[chunks.Length][];
        var mapped = new long[chunks.Length];
        Parallel.For(0, chunks.Length, chunk =>
        {
            var counts = new long[log.Activities.Count * slots];
            for (var position = log.CustomerStartArray[chunks[chunk].From]; position < log.CustomerStartArray[chunks[chunk].To]; position++)
            {
                if (classifier.Classify(position) >= 0)
                {
                    mapped[chunk]++;
                }
                else
                {
                    counts[(log.ActivityArray[position] * slots) + log.ChannelArray[position] + 1]++;
                }
            }

            partials[chunk] = counts;
        });

        var totals = new long[log.Activities.Count * slots];
        foreach (var partial in partials)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += partial[i];
            }
        }

        var unmatched = Enumerable.Range(0, totals.Length)
            .Where(i => totals[i] > 0)
            .Select(i => new UnmatchedEvent(log.Activities[i / slots], i % slots == 0 ? null : log.Channels[(i % slots) - 1], totals[i]))
            .OrderByDescending(item => item.Events)
            .ThenBy(item => item.Event, StringComparer.Ordinal)
            .ThenBy(item => item.Channel, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        var events = (long)log.EventCount;
        var mappedTotal = mapped.Sum();
        return new MappingCoverage(events, mappedTotal, events == 0 ? null : (double)mappedTotal / events, unmatched);
    }
}

/// <summary>Events of one name and channel that no touchpoint matches.</summary>
public sealed record UnmatchedEvent(string Event, string? Channel, long Events);
