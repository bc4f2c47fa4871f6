using System.Security.Cryptography;
using Waymark.Application.Accounts;
using Waymark.Application.Events;
using Waymark.Application.Evidence;
using Waymark.Application.Generation;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Domain.Journeys;
using Waymark.Domain.Segments;

namespace Waymark.Application.Demo;

/// <summary>Creates the demo account and workspace on a store that has no users yet: the demo journey, and the
/// evidence behind it — <see cref="Customers"/> generated customers' events (with their segment as a customer
/// property), their survey answers, the three segments as saved segments, and a follow-up rule for customers who
/// leave their basket (it acts on new events only, such as the demo shop's).</summary>
public sealed class DemoWorkspaceSeeder(IAccountStore accounts, IJourneyStore journeys, IEventStore events, ISurveyResponseStore answers,
    IWorkspaceObjectStore<Segment> segments, IAlertStore alerts, IPasswordHasher hasher, TimeProvider clock)
{
    /// <summary>How many generated customers the demo's events come from (about ten events each).</summary>
    public const int Customers = 4000;

    /// <summary>The demo account's address.</summary>
    public const string Email = "demo@waymark.local";

    /// <summary>Seeds when the demo account does not exist yet.</summary>
    /// <returns>The new account's password (random, shown once by the caller), or null when the account existed.</returns>
    public async Task<string?> SeedAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindByEmailAsync(Email, cancellationToken) is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var password = "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var user = new User { Id = UserId.New(), Email = Email, DisplayName = "Demo user", PasswordHash = hasher.Hash(password), CreatedAt = now };
        var workspace = new Workspace(WorkspaceId.New(), "Demo: Northwind Fashion", now);
        if (!await accounts.CreateUserAsync(user, workspace, cancellationToken))
        {
            return null;
        }

        var (journey, personas) = DemoJourney.Create(workspace.Id, now);
        await journeys.InsertAsync(journey, personas, cancellationToken);
        await SeedEvidenceAsync(workspace.Id, cancellationToken);
        var touchpoints = journey.Touchpoints.ToList();
        TouchpointId? Matched(string eventName) => touchpoints.FirstOrDefault(touchpoint => touchpoint.EventMatchers.Any(matcher => matcher.EventName == eventName))?.Id;
        await alerts.SaveRuleAsync(workspace.Id, new Alerts.AlertRule
        {
            Id = Guid.CreateVersion7(), JourneyId = journey.Id, Name = "Basket left for 2 minutes", Kind = Alerts.AlertKind.FollowUp,
            From = Matched("cart_added"), To = Matched("order_completed"), Within = TimeSpan.FromMinutes(2), CreatedAt = now,
        }, cancellationToken);
        return password;
    }

    private async Task SeedEvidenceAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        var recorded = new List<RecordedEvent>();
        var responses = new List<SurveyResponse>();
        var segmentOf = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        new JourneyGenerator(2026).Generate(Customers, item =>
        {
            recorded.Add(new RecordedEvent(item.Customer, item.Activity, item.TimestampMilliseconds, item.Channel, null));
            segmentOf.TryAdd(item.Customer, new Dictionary<string, string> { ["segment"] = item.Segment });
            if (item.Score is { } score)
            {
                responses.Add(new SurveyResponse(item.Customer, item.Activity, Waymark.Analytics.Surveys.SurveyMetric.Nps, score, null, DateTimeOffset.FromUnixTimeMilliseconds(item.TimestampMilliseconds)));
            }
        }, answer => responses.Add(new SurveyResponse(answer.Customer, answer.Subject, SurveyResponse.MetricOf(answer.Metric)!.Value, answer.Score, answer.Comment,
            DateTimeOffset.FromUnixTimeMilliseconds(answer.TimestampMilliseconds))));
        await events.AppendAsync(workspaceId, Guid.NewGuid(), recorded, segmentOf, cancellationToken);
        await answers.AppendAsync(workspaceId, responses, cancellationToken);
        foreach (var (name, value) in new[] { ("Mobile-first", "mobile-first"), ("Desktop", "desktop"), ("Store-goers", "store-goer") })
        {
            await segments.InsertAsync(new Segment
            {
                Id = SegmentId.New(), WorkspaceId = workspaceId, Name = name, Description = $"Customers whose segment property is {value}.",
                Conditions = [new SegmentCondition(SegmentScope.Customer, new PropertyCondition("segment", MatchOperator.Equals, value))],
            }, cancellationToken);
        }
    }
}
