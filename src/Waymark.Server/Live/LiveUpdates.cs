using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Waymark.Application.Events;
using Waymark.Application.Evidence;
using Waymark.Application.Storage;

namespace Waymark.Server.Live;

/// <summary>Which connections watch which journeys, and the pushes to them: after the index of a workspace changes,
/// each journey watched in it is measured once and its metrics sent to its watchers, at most once per
/// <see cref="PushEvery"/>.</summary>
internal sealed class LiveUpdates(IHubContext<LiveHub> hub, WorkspaceEventIndex index, IJourneyStore journeys, ISurveyResponseStore answers, TimeProvider clock)
{
    /// <summary>The shortest time between two pushes.</summary>
    public static readonly TimeSpan PushEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Connection, JourneyId Journey), WorkspaceId> _watchers = new();
    private readonly ConcurrentDictionary<WorkspaceId, byte> _changed = new();
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;

    /// <summary>A message with a journey's fresh metrics.</summary>
    /// <param name="JourneyId">The journey.</param>
    /// <param name="EventCount">Events in the workspace's index now.</param>
    /// <param name="At">When they were measured.</param>
    /// <param name="Metrics">The journey's evidence over all customers and time.</param>
    public sealed record MetricsMessage(Guid JourneyId, int EventCount, DateTimeOffset At, JourneyEvidenceReport Metrics);

    public static string GroupOf(Guid journeyId) => $"journey:{journeyId:D}";

    public static string WorkspaceGroupOf(Guid workspaceId) => $"workspace:{workspaceId:D}";

    public void Watch(string connectionId, WorkspaceId workspaceId, JourneyId journeyId) => _watchers[(connectionId, journeyId)] = workspaceId;

    public void Forget(string connectionId, JourneyId? journeyId)
    {
        foreach (var key in _watchers.Keys.Where(key => key.Connection == connectionId && (journeyId is null || key.Journey == journeyId)))
        {
            _watchers.TryRemove(key, out _);
        }
    }

    /// <summary>Notes that the workspace's index changed; the next due push measures its watched journeys.</summary>
    public void MarkChanged(WorkspaceId workspaceId) => _changed[workspaceId] = 0;

    /// <summary>Measures and sends what changed, when a push is due.</summary>
    public async Task PushDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_changed.IsEmpty || now - _lastPush < PushEvery)
        {
            return;
        }

        _lastPush = now;
        foreach (var workspaceId in _changed.Keys)
        {
            _changed.TryRemove(workspaceId, out _);
            var watched = _watchers.Where(pair => pair.Value == workspaceId).Select(pair => pair.Key.Journey).Distinct().ToList();
            if (watched.Count == 0)
            {
                continue;
            }

            var log = await index.GetAsync(workspaceId);
            var responses = await answers.ListAsync(workspaceId, cancellationToken);
            foreach (var journeyId in watched)
            {
                if (await journeys.GetAsync(workspaceId, journeyId, cancellationToken) is { } journey)
                {
                    var report = JourneyEvidence.Measure(journey, log, responses, []);
                    await hub.Clients.Group(GroupOf(journeyId.Value)).SendAsync("metrics", new MetricsMessage(journeyId.Value, log.EventCount, now, report), cancellationToken);
                }
            }
        }
    }
}
