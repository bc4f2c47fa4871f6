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

        var counts = new Dictionary<(int Step, string Source, string Target), long>();
        long sessions = 0;
        var gap = definition.SessionGap is { } length ? (long)length.TotalMilliseconds : long.MaxValue;
        var session = new List<string>();
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            for (var i = from; i < to; i++)
            {
                if (i > from && log.TimestampArray[i] - log.TimestampArray[i - 1] >= gap)
                {
                    sessions += Count(session, definition, counts);
                    session.Clear();
                }

                session.Add(log.Activities[log.ActivityArray[i]]);
            }

            sessions += Count(session, definition, counts);
            session.Clear();
        }

        return new PathsReport(sessions, Fold(counts, definition.TopPerStep));
    }

    private static int Count(List<string> events, PathDefinition definition, Dictionary<(int, string, string), long> counts)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<string> path = definition.CollapseRepeats ? PathTransforms.Exposure(events) : events;
        if (definition.StartAt is { } start)
        {
            var index = IndexOf(path, start);
            if (index < 0)
            {
                return 0;
            }

            path = path.Skip(index).ToList();
        }

        if (definition.EndAt is { } end)
        {
            var index = IndexOf(path, end);
            if (index < 0)
            {
                return 0;
            }

            path = path.Take(index + 1).ToList();
        }

        var positions = path.Append(PathsReport.DropOff).Take(definition.MaxSteps).ToList();
        for (var i = 1; i < positions.Count; i++)
        {
            var key = (i, positions[i - 1], positions[i]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return 1;
    }

    private static int IndexOf(IReadOnlyList<string> path, string item)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (string.Equals(path[i], item, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
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
