using System.Globalization;
using System.Text.Json.Nodes;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Journeys;
using Waymark.Application.Events;
using Waymark.Application.Evidence;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Alerts;

/// <summary>Evaluates every enabled rule of every workspace against the live index: follow-ups for each stuck customer,
/// thresholds on their window. What fires is stored with its webhook deliveries in one transaction keyed by the
/// occurrence, so an occurrence fires once however often (and after however many restarts) it is evaluated.</summary>
/// <remarks>Follow-up rules are evaluated incrementally: a rule is scanned again only when its workspace's index has
/// changed (new events) or when the earliest deadline the last scan saw ahead has passed; otherwise a scan could
/// find nothing new. Threshold rules are measured on every evaluation, as their window moves with time.</remarks>
public sealed class AlertEvaluator(IAlertStore alerts, IJourneyStore journeys, WorkspaceEventIndex index, ISurveyResponseStore answers, TimeProvider clock)
{
    /// <summary>Per follow-up rule: what it was last scanned against (the log, the rule's terms, the journey's version)
    /// and the next deadline then ahead.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (ScanKey Key, long? NextDeadline)> _scanned = new();

    private sealed record ScanKey(EventLog Log, TouchpointId? From, TouchpointId? To, TimeSpan? Within, DateTimeOffset CreatedAt, long JourneyVersion);

    /// <summary>How many recent events a follow-up carries as context.</summary>
    public const int RecentEvents = 10;

    /// <summary>Evaluates all rules once; returns what fired, by workspace.</summary>
    public async Task<IReadOnlyList<(WorkspaceId WorkspaceId, Notification Notification)>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var fired = new List<(WorkspaceId, Notification)>();
        foreach (var workspaceId in await alerts.WorkspacesWithRulesAsync(cancellationToken))
        {
            var rules = (await alerts.ListRulesAsync(workspaceId, cancellationToken)).Where(rule => rule.Enabled).ToList();
            var log = await index.GetAsync(workspaceId);
            foreach (var rule in rules)
            {
                if (await journeys.GetAsync(workspaceId, rule.JourneyId, cancellationToken) is not { } journey || rule.Problems(journey).Count > 0)
                {
                    continue; // the journey or its touchpoints changed under the rule; the rule page shows why
                }

                if (rule.Kind == AlertKind.Threshold)
                {
                    if (await ThresholdAsync(workspaceId, rule, journey, log, cancellationToken) is { } notification)
                    {
                        fired.Add((workspaceId, notification));
                    }

                    continue;
                }

                var key = new ScanKey(log, rule.From, rule.To, rule.Within, rule.CreatedAt, journey.Version);
                var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                if (_scanned.TryGetValue(rule.Id, out var last) && last.Key == key && (last.NextDeadline is not { } due || now < due))
                {
                    continue; // nothing new: same events, same rule, no deadline passed since the last scan
                }

                var (notifications, next) = FollowUps(rule, journey, log);
                foreach (var (occurrence, notification) in notifications)
                {
                    if (await alerts.FireAsync(workspaceId, occurrence, notification, rule.WebhookIds, cancellationToken))
                    {
                        fired.Add((workspaceId, notification));
                    }
                }

                _scanned[rule.Id] = (key, next); // only once every occurrence is stored
            }
        }

        return fired;
    }

    private (List<(string Occurrence, Notification Notification)> Notifications, long? NextDeadline) FollowUps(AlertRule rule, Journey journey, EventLog log)
    {
        var now = clock.GetUtcNow();
        var model = JourneyEvidence.ModelOf(journey);
        var touchpoints = journey.Touchpoints.ToList();
        var from = touchpoints.FindIndex(touchpoint => touchpoint.Id == rule.From);
        var to = touchpoints.FindIndex(touchpoint => touchpoint.Id == rule.To);
        var (stuck, next) = StuckCustomers.Scan(log, model, from, to, (long)rule.Within!.Value.TotalMilliseconds, rule.CreatedAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds());
        var result = new List<(string, Notification)>(stuck.Count);
        foreach (var occurrence in stuck)
        {
            var customer = log.Customers.Count > 0 ? CustomerIndex(log, occurrence.Position) : -1;
            var recent = new JsonArray();
            for (var position = Math.Max(log.CustomerStart[customer], log.CustomerStart[customer + 1] - RecentEvents); position < log.CustomerStart[customer + 1]; position++)
            {
                recent.Add(new JsonObject
                {
                    ["event"] = log.Activities[log.Activity[position]],
                    ["channel"] = log.Channel[position] < 0 ? null : log.Channels[log.Channel[position]],
                    ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(log.Timestamp[position]).ToString("O", CultureInfo.InvariantCulture),
                });
            }

            var properties = new JsonObject();
            foreach (var (name, value) in log.CustomerProperties[customer] ?? new Dictionary<string, string>())
            {
                properties[name] = value;
            }

            var reachedAt = DateTimeOffset.FromUnixTimeMilliseconds(occurrence.ReachedAt);
            var data = new JsonObject
            {
                ["rule"] = new JsonObject { ["id"] = rule.Id.ToString(), ["name"] = rule.Name },
                ["journey"] = new JsonObject { ["id"] = journey.Id.ToString(), ["name"] = journey.Name },
                ["customer"] = new JsonObject { ["id"] = occurrence.Customer, ["properties"] = properties },
                ["reached"] = new JsonObject { ["touchpoint"] = touchpoints[from].Id.ToString(), ["name"] = touchpoints[from].Name, ["at"] = reachedAt.ToString("O", CultureInfo.InvariantCulture) },
                ["expected"] = new JsonObject { ["touchpoint"] = touchpoints[to].Id.ToString(), ["name"] = touchpoints[to].Name, ["within"] = rule.Within.Value.ToString("c", CultureInfo.InvariantCulture) },
                ["recentEvents"] = recent,
            };
            var title = $"{occurrence.Customer} reached \"{touchpoints[from].Name}\" and not \"{touchpoints[to].Name}\" within {Describe(rule.Within.Value)}";
            result.Add(($"{occurrence.Customer}|{occurrence.ReachedAt}", new Notification(Guid.CreateVersion7(), rule.Id, journey.Id.Value, "follow-up.due", title, data, now, null)));
        }

        return (result, next);
    }

    /// <summary>Fires when the rule's condition starts (or stops) holding. The firing is stored before the state, so a
    /// crash between the two fires nothing twice: the next evaluation finds the same occurrence already stored.</summary>
    private async Task<Notification?> ThresholdAsync(WorkspaceId workspaceId, AlertRule rule, Journey journey, EventLog log, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var responses = await answers.ListAsync(workspaceId, cancellationToken);
        var current = Measure(rule, journey, log, responses, now - rule.Window, now);
        var (holding, episodes) = await alerts.GetRuleStateAsync(workspaceId, rule.Id, cancellationToken);
        if (current.Reached < rule.MinimumCustomers || current.Value is not { } value)
        {
            return null;
        }

        double? baseline = null;
        bool breached;
        if (rule.Comparison == AlertComparison.WorsensBy)
        {
            var previous = Measure(rule, journey, log, responses, now - (2 * rule.Window), now - rule.Window);
            baseline = previous.Reached >= rule.MinimumCustomers ? previous.Value : null;
            breached = baseline is { } before && Worsening(rule.Metric!.Value, before, value) >= rule.Threshold!.Value;
        }
        else
        {
            breached = rule.Comparison == AlertComparison.Above ? value > rule.Threshold!.Value : value < rule.Threshold!.Value;
        }

        if (breached == holding)
        {
            return null;
        }

        var touchpoint = journey.Touchpoints.First(candidate => candidate.Id == rule.Touchpoint);
        var data = new JsonObject
        {
            ["rule"] = new JsonObject { ["id"] = rule.Id.ToString(), ["name"] = rule.Name },
            ["journey"] = new JsonObject { ["id"] = journey.Id.ToString(), ["name"] = journey.Name },
            ["touchpoint"] = new JsonObject { ["id"] = touchpoint.Id.ToString(), ["name"] = touchpoint.Name },
            ["metric"] = rule.Metric.ToString(),
            ["comparison"] = rule.Comparison.ToString(),
            ["threshold"] = rule.Threshold,
            ["value"] = Math.Round(value, 3),
            ["baseline"] = baseline is { } b ? Math.Round(b, 3) : null,
            ["customers"] = current.Reached,
            ["window"] = new JsonObject { ["from"] = (now - rule.Window).ToString("O", CultureInfo.InvariantCulture), ["to"] = now.ToString("O", CultureInfo.InvariantCulture) },
        };
        var episode = breached ? episodes + 1 : episodes;
        var title = breached
            ? $"{touchpoint.Name}: {rule.Metric} is {Math.Round(value, 1).ToString(CultureInfo.InvariantCulture)}{(baseline is { } was ? $" (was {Math.Round(was, 1).ToString(CultureInfo.InvariantCulture)})" : "")}, past the rule \"{rule.Name}\""
            : $"{touchpoint.Name}: {rule.Metric} is back at {Math.Round(value, 1).ToString(CultureInfo.InvariantCulture)} (rule \"{rule.Name}\")";
        var notification = new Notification(Guid.CreateVersion7(), rule.Id, journey.Id.Value, breached ? "alert.threshold" : "alert.resolved", title, data, now, null);
        var fired = await alerts.FireAsync(workspaceId, $"{(breached ? "breach" : "resolved")}|{episode}", notification, breached ? rule.WebhookIds : [], cancellationToken);
        await alerts.SetRuleStateAsync(workspaceId, rule.Id, breached, episode, cancellationToken);
        return fired ? notification : null;
    }

    /// <summary>The rule's metric at its touchpoint over [from, to): the value, and how many customers reached it.</summary>
    private static (double? Value, long Reached) Measure(AlertRule rule, Journey journey, EventLog log, IReadOnlyList<SurveyResponse> responses, DateTimeOffset from, DateTimeOffset to)
    {
        var report = JourneyEvidence.Measure(journey, log, responses, [], from, to);
        var metrics = report.Segments[0].Touchpoints.First(touchpoint => touchpoint.Key == rule.Touchpoint!.Value.ToString());
        double? value = rule.Metric switch
        {
            AlertMetric.DropOff => metrics.DropOffShare * 100,
            AlertMetric.Reach => metrics.ReachedShare * 100,
            AlertMetric.MedianSeconds => metrics.MedianSeconds,
            AlertMetric.Nps => metrics.Nps.Score,
            AlertMetric.Csat => metrics.Csat.Score,
            _ => metrics.Ces.Score,
        };
        return (value, metrics.Reached);
    }

    /// <summary>How much worse <paramref name="now"/> is than <paramref name="before"/>: up is worse for drop-off and time.</summary>
    private static double Worsening(AlertMetric metric, double before, double now) =>
        metric is AlertMetric.DropOff or AlertMetric.MedianSeconds ? now - before : before - now;

    private static int CustomerIndex(EventLog log, int position)
    {
        var starts = log.CustomerStart;
        int low = 0, high = log.CustomerCount - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (starts[middle] <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private static string Describe(TimeSpan span)
    {
        var (value, unit) = span.TotalDays >= 1 ? (span.TotalDays, "day") : span.TotalHours >= 1 ? (span.TotalHours, "hour") : span.TotalMinutes >= 1 ? (span.TotalMinutes, "minute") : (span.TotalSeconds, "second");
        var text = value.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{text} {unit}{(text == "1" ? "" : "s")}";
    }
}
