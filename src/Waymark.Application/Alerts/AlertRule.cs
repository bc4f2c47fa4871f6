using Waymark.Domain.Journeys;

namespace Waymark.Application.Alerts;

/// <summary>A rule on one journey that notifies the team (in the app, and through webhooks) when its evidence says so.</summary>
/// <remarks>
/// <para>A <see cref="AlertKind.Threshold"/> rule watches one touchpoint's <see cref="Metric"/> over the last
/// <see cref="Window"/>: with <see cref="AlertComparison.Above"/> or <see cref="AlertComparison.Below"/> it fires
/// when the value crosses <see cref="Threshold"/>; with <see cref="AlertComparison.WorsensBy"/> when the value is
/// worse than over the window before by at least <see cref="Threshold"/>. Shares are in percent (a threshold of 30
/// means 30%), times in seconds, scores on their own scale. It fires once when the condition starts to hold, not
/// again until it has stopped holding, and only with at least <see cref="MinimumCustomers"/> customers reaching
/// the touchpoint in the window.</para>
/// <para>A <see cref="AlertKind.FollowUp"/> rule fires once per customer who reached <see cref="From"/> and did not
/// reach <see cref="To"/> within <see cref="Within"/> (see <c>StuckCustomers</c>), counting only customers who
/// reached <see cref="From"/> after the rule was made.</para>
/// </remarks>
public sealed record AlertRule
{
    /// <summary>Set by the server when the rule is made.</summary>
    public Guid Id { get; init; }

    public required JourneyId JourneyId { get; init; }

    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    public required AlertKind Kind { get; init; }

    /// <summary>Threshold rules: the touchpoint watched.</summary>
    public TouchpointId? Touchpoint { get; init; }

    /// <summary>Threshold rules: what is measured.</summary>
    public AlertMetric? Metric { get; init; }

    /// <summary>Threshold rules: how the value is compared.</summary>
    public AlertComparison? Comparison { get; init; }

    /// <summary>Threshold rules: the limit, or for <see cref="AlertComparison.WorsensBy"/> the change.</summary>
    public double? Threshold { get; init; }

    /// <summary>Threshold rules: the span measured, ending now.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Threshold rules: the fewest customers reaching the touchpoint in the window for the rule to judge.</summary>
    public int MinimumCustomers { get; init; } = 20;

    /// <summary>Follow-up rules: the touchpoint reached.</summary>
    public TouchpointId? From { get; init; }

    /// <summary>Follow-up rules: the touchpoint not reached in time.</summary>
    public TouchpointId? To { get; init; }

    /// <summary>Follow-up rules: how long the customer has to reach <see cref="To"/>.</summary>
    public TimeSpan? Within { get; init; }

    /// <summary>The workspace's webhook endpoints that receive this rule's notifications.</summary>
    public IReadOnlyList<Guid> WebhookIds { get; init; } = [];

    /// <summary>When the rule was made (follow-ups count only customers who reached <see cref="From"/> after it).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The rule's problems against its journey, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Problems(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var problems = new Dictionary<string, string[]>();
        var touchpoints = journey.Touchpoints.Select(touchpoint => touchpoint.Id).ToHashSet();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            problems["name"] = ["Name the rule (1 to 200 characters)."];
        }

        if (Kind == AlertKind.Threshold)
        {
            if (Touchpoint is not { } watched || !touchpoints.Contains(watched))
            {
                problems["touchpoint"] = ["Choose a touchpoint of this journey."];
            }

            if (Metric is null || Comparison is null || Threshold is not { } limit || double.IsNaN(limit) || double.IsInfinity(limit))
            {
                problems["threshold"] = ["Give the metric, the comparison and a threshold."];
            }

            if (Window < TimeSpan.FromMinutes(1) || Window > TimeSpan.FromDays(366))
            {
                problems["window"] = ["The window is from one minute to a year."];
            }

            if (MinimumCustomers is < 1 or > 1_000_000)
            {
                problems["minimumCustomers"] = ["At least 1 customer."];
            }
        }
        else
        {
            if (From is not { } from || !touchpoints.Contains(from) || To is not { } to || !touchpoints.Contains(to) || from == to)
            {
                problems["from"] = ["Choose two different touchpoints of this journey: the one reached, and the one expected after it."];
            }

            if (Within is not { } within || within < TimeSpan.FromSeconds(1) || within > TimeSpan.FromDays(366))
            {
                problems["within"] = ["The time to wait is from one second to a year."];
            }
        }

        if (WebhookIds.Count > 10 || WebhookIds.Distinct().Count() != WebhookIds.Count)
        {
            problems["webhookIds"] = ["At most 10 different webhook endpoints."];
        }

        return problems;
    }
}
