using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Alerts;
using Waymark.Application.Storage;
using Waymark.Server.Errors;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Alerts;

/// <summary>Alert rules per journey, webhook endpoints with their delivery log, and the workspace's notifications.</summary>
internal static class AlertEndpoints
{
    /// <summary>A webhook endpoint as listed: never its secret, which is shown once when it is made.</summary>
    public sealed record WebhookEndpointSummary(Guid Id, string Name, Uri Url, DateTimeOffset CreatedAt);

    /// <summary>A new endpoint with its signing secret (shown this once).</summary>
    public sealed record CreatedWebhookEndpoint(WebhookEndpointSummary Endpoint, string Secret);

    public sealed record CreateWebhookEndpointRequest(string? Name, string? Url);

    public static void MapAlertEndpoints(this RouteGroupBuilder workspace)
    {
        var rules = workspace.MapGroup("/alert-rules").WithTags("Alerts");
        rules.MapGet("/", async (Guid workspaceId, IAlertStore alerts, CancellationToken cancellationToken, Guid? journeyId) =>
            Results.Ok((await alerts.ListRulesAsync(new WorkspaceId(workspaceId), cancellationToken)).Where(rule => journeyId is null || rule.JourneyId.Value == journeyId)))
            .Viewer().Produces<IReadOnlyList<AlertRule>>();
        rules.MapPost("/", async (Guid workspaceId, AlertRule rule, AlertCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.SaveRuleAsync(new WorkspaceId(workspaceId), rule with { Id = Guid.CreateVersion7() }, isNew: true, cancellationToken),
                saved => Results.Created($"/api/v1/workspaces/{workspaceId}/alert-rules/{saved.Id}", saved)))
            .Editor().Produces<AlertRule>(StatusCodes.Status201Created).WithDescription("The id and createdAt of the body are ignored: the server sets them.");
        rules.MapPut("/{ruleId:guid}", async (Guid workspaceId, Guid ruleId, AlertRule rule, AlertCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.SaveRuleAsync(new WorkspaceId(workspaceId), rule with { Id = ruleId }, isNew: false, cancellationToken), Results.Ok))
            .Editor().Produces<AlertRule>();
        rules.MapDelete("/{ruleId:guid}", async (Guid workspaceId, Guid ruleId, IAlertStore alerts, CancellationToken cancellationToken) =>
            await alerts.DeleteRuleAsync(new WorkspaceId(workspaceId), ruleId, cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(Error.NotFound("alert-rule", "The workspace has no such alert rule."))).Editor().Produces(StatusCodes.Status204NoContent);

        var webhooks = workspace.MapGroup("/webhooks").WithTags("Alerts");
        webhooks.MapGet("/", async (Guid workspaceId, IAlertStore alerts, CancellationToken cancellationToken) =>
            Results.Ok((await alerts.ListEndpointsAsync(new WorkspaceId(workspaceId), cancellationToken)).Select(Summary))).Editor().Produces<IReadOnlyList<WebhookEndpointSummary>>();
        webhooks.MapPost("/", async (Guid workspaceId, CreateWebhookEndpointRequest request, AlertCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.CreateEndpointAsync(new WorkspaceId(workspaceId), request.Name, request.Url, cancellationToken),
                endpoint => Results.Created($"/api/v1/workspaces/{workspaceId}/webhooks/{endpoint.Id}", new CreatedWebhookEndpoint(Summary(endpoint), endpoint.Secret))))
            .Owner().Produces<CreatedWebhookEndpoint>(StatusCodes.Status201Created);
        webhooks.MapDelete("/{endpointId:guid}", async (Guid workspaceId, Guid endpointId, IAlertStore alerts, CancellationToken cancellationToken) =>
            await alerts.DeleteEndpointAsync(new WorkspaceId(workspaceId), endpointId, cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(Error.NotFound("webhook", "The workspace has no such webhook endpoint."))).Owner().Produces(StatusCodes.Status204NoContent);
        webhooks.MapGet("/{endpointId:guid}/deliveries", async (Guid workspaceId, Guid endpointId, IAlertStore alerts, CancellationToken cancellationToken, int? limit) =>
            Results.Ok(await alerts.ListDeliveriesAsync(new WorkspaceId(workspaceId), endpointId, Math.Clamp(limit ?? 50, 1, 500), cancellationToken))).Editor().Produces<IReadOnlyList<WebhookDelivery>>();
        webhooks.MapPost("/deliveries/{deliveryId:guid}/retry", async (Guid workspaceId, Guid deliveryId, IAlertStore alerts, TimeProvider clock, CancellationToken cancellationToken) =>
            await alerts.RetryDeliveryAsync(new WorkspaceId(workspaceId), deliveryId, clock.GetUtcNow(), cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(Error.NotFound("webhook-delivery", "The workspace has no dead delivery with this id."))).Editor().Produces(StatusCodes.Status204NoContent);

        var notifications = workspace.MapGroup("/notifications").WithTags("Alerts");
        notifications.MapGet("/", async (Guid workspaceId, IAlertStore alerts, CancellationToken cancellationToken, int? limit) =>
            Results.Ok(await alerts.ListNotificationsAsync(new WorkspaceId(workspaceId), Math.Clamp(limit ?? 50, 1, 500), cancellationToken))).Viewer().Produces<IReadOnlyList<Notification>>();
        notifications.MapPost("/{notificationId:guid}/read", async (Guid workspaceId, Guid notificationId, IAlertStore alerts, TimeProvider clock, CancellationToken cancellationToken) =>
            await alerts.MarkReadAsync(new WorkspaceId(workspaceId), notificationId, clock.GetUtcNow(), cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(Error.NotFound("notification", "The workspace has no such notification."))).Viewer().Produces(StatusCodes.Status204NoContent);
    }

    private static WebhookEndpointSummary Summary(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Name, endpoint.Url, endpoint.CreatedAt);
}
