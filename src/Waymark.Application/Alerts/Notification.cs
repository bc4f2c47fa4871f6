namespace Waymark.Application.Alerts;

/// <summary>What a rule said when it fired: shown in the app, and the body of its webhooks.</summary>
/// <param name="Id">The notification's id (also each webhook delivery's <c>webhook-id</c>, so receivers can deduplicate).</param>
/// <param name="RuleId">The rule that fired.</param>
/// <param name="JourneyId">The rule's journey.</param>
/// <param name="Type"><c>alert.threshold</c>, <c>alert.resolved</c> or <c>follow-up.due</c>.</param>
/// <param name="Title">One line for a person.</param>
/// <param name="Data">The facts: for a follow-up the customer, the touchpoints and recent events; for a threshold
/// the metric, its value, the threshold and the window.</param>
/// <param name="CreatedAt">When it fired.</param>
/// <param name="ReadAt">When a member marked it read, or null.</param>
public sealed record Notification(Guid Id, Guid RuleId, Guid JourneyId, string Type, string Title, System.Text.Json.Nodes.JsonObject Data, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
