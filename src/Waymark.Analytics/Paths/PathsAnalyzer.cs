using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Paths;

/// <summary>Paths through the journey as a Sankey diagram, with PostHog Paths v2 semantics.</summary>
/// <remarks>Each customer's events (log order) are split into sessions where the gap to the previous event is at least
/// <see cref="PathDefinition.SessionGap"/>; repeats are collapsed if asked; start-at and end-at cut each session;
/// a drop-off node is appended; the first <see cref="PathDefinition.MaxSteps"/> positions are kept. Every pair of
/// consecutive positions counts once per session. At each step only the <see cref="PathDefinition.TopPerStep"/> targets
/// with the highest values are kept (ties by name); the others become <see cref="PathsReport.Other"/>, and a source that
/// was not kept at the previous step becomes <see cref="PathsReport.Other"/> too.</remarks>
public static class PathsAnalyzer
{
    /// <summary>Analyzes the whole log.</summary>
    public static PathsReport Analyze(EventLog log, PathDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.MaxSteps < 2 || definition.TopPerStep < 1)
        {
            throw new ArgumentException("Paths need at least 2 steps and 1 target per step.", nameof(definition));
        }

        if (log.Activities.Count >= Mask)
        {
            throw new ArgumentException($"Paths handle at most {Mask - 1:N0} distinct activities.", nameof(log));
        }

        var chunks = log.Chunks;
        var partial = new (Dictionary<long, long> Counts, long Sessions)[chunks.Length];
        Parallel.For(0, chunks.Length, chunk => partial[chunk] = CountChunk(log, definition, chunks[chunk]));
        var counts = new Dictionary<(int Step, string Source, string Target), long>();
        long sessions = 0;
        foreach (var (chunkCounts, chunkSessions) in partial)
        {
            sessions += chunkSessions;
            foreach (var (key, value) in chunkCounts)
            {
                var decoded = ((int)(key >> 42), Name(log, (int)((key >> 21) & Mask) - 1), Name(log, (int)(key & Mask) - 1));
                counts[decoded] = counts.GetValueOrDefault(decoded) + value;
            }
        }

        return new PathsReport(sessions, Fold(counts, definition.TopPerStep));
    }

    private const long Mask = (1L << 21) - 1;

    private const int DropOffIndex = -1;

    private static string Name(EventLog log, int activity) => activity == DropOffIndex ? PathsReport.DropOff : log.Activities[activity];

    /// <summary>Counts one chunk's transitions, keyed by step (bits 42+), source + 1 and target + 1 (21 bits each; 0 is the drop-off).</summary>
    private static (Dictionary<long, long> Counts, long Sessions) CountChunk(EventLog log, PathDefinition definition, (int From, int To) customers)
    {
        var counts = new Dictionary<long, long>();
        long sessions = 0;
        var gap = definition.SessionGap is { } length ? (long)length.TotalMilliseconds : long.MaxValue;
        var start = definition.StartAt is null ? -2 : log.ActivityIndex(definition.StartAt);
        var end = definition.EndAt is null ? -2 : log.ActivityIndex(definition.EndAt);
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        var session = new List<int>();
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            for (var i = from; i < to; i++)
            {
                if (i > from && timestamp[i] - timestamp[i - 1] >= gap)
                {
                    sessions += Count(session, definition, start, end, counts);
                    session.Clear();
                }

                if (!definition.CollapseRepeats || session.Count == 0 || session[^1] != activity[i])
                {
                    session.Add(activity[i]);
                }
            }

            sessions += Count(session, definition, start, end, counts);
            session.Clear();
        }

        return (counts, sessions);
    }

    // start and end: the start-at / end-at activity, −1 when no event has it (every session is left out), −2 for none.
    private static int Count(List<int> session, PathDefinition definition, int start, int end, Dictionary<long, long> counts)
    {
        if (session.Count == 0 || start == -1 || end == -1)
        {
            return 0;
        }

        var first = start == -2 ? 0 : session.IndexOf(start);
        if (first < 0)
        {
            return 0;
        }

        var last = session.Count - 1;
        if (end != -2)
        {
            last = session.IndexOf(end, first);
            if (last < 0)
            {
                return 0;
            }
        }

        var positions = Math.Min(definition.MaxSteps, last - first + 2);
        for (var k = 1; k < positions; k++)
        {
            var source = session[first + k - 1] + 1;
            var target = first + k <= last ? session[first + k] + 1 : 0;
            var key = ((long)k << 42) | ((long)source << 21) | (long)target;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return 1;
    }

    private static List<PathLink> Fold(Dictionary<(int Step, string Source, string Target), long> counts, int top)
    {
        var links = new List<PathLink>();
        var keptTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in counts.Keys.Select(key => key.Step).Distinct().Order())
        {
            var rows = counts.Where(pair => pair.Key.Step == step).ToList();
            var kept = rows.GroupBy(pair => pair.Key.Target, StringComparer.Ordinal)
                .Select(group => (Target: group.Key, Value: group.Sum(pair => pair.Value)))
                .Where(target => target.Target != PathsReport.DropOff)
                .OrderByDescending(target => target.Value).ThenBy(target => target.Target, StringComparer.Ordinal)
                .Take(top).Select(target => target.Target).ToHashSet(StringComparer.Ordinal);
            kept.Add(PathsReport.DropOff);
            var folded = rows
                .GroupBy(pair => (
                    Source: step == 1 || keptTargets.Contains(pair.Key.Source) ? pair.Key.Source : PathsReport.Other,
                    Target: kept.Contains(pair.Key.Target) ? pair.Key.Target : PathsReport.Other))
                .Select(group => new PathLink(step, group.Key.Source, group.Key.Target, group.Sum(pair => pair.Value)));
            links.AddRange(folded
                .OrderByDescending(link => link.Value)
                .ThenBy(link => link.Source.StartsWith('$') || link.Target.StartsWith('$'))
                .ThenBy(link => link.Source, StringComparer.Ordinal)
                .ThenBy(link => link.Target, StringComparer.Ordinal));
            keptTargets = kept;
            keptTargets.Add(PathsReport.Other);
        }

        return links;
    }
}
