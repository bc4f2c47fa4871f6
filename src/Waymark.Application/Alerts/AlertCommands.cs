using System.Security.Cryptography;
using Waymark.Application.Journeys;
using Waymark.Application.Storage;

namespace Waymark.Application.Alerts;

/// <summary>Creates, changes and deletes alert rules and webhook endpoints, checking them against the workspace.</summary>
public sealed class AlertCommands(IAlertStore alerts, IJourneyStore journeys, TimeProvider clock)
{
    /// <summary>Saves a rule: a new one (no id yet) gets an id and its creation time; an existing one keeps its
    /// creation time. Errors: <c>journey.not-found</c>, <c>alert-rule.not-found</c>, <c>validation.failed</c>.</summary>
    public async Task<Result<AlertRule>> SaveRuleAsync(WorkspaceId workspaceId, AlertRule rule, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (await journeys.GetAsync(workspaceId, rule.JourneyId, cancellationToken) is not { } journey)
        {
            return JourneyErrors.NotFound();
        }

        DateTimeOffset createdAt;
        if (isNew)
        {
            createdAt = clock.GetUtcNow();
        }
        else if (await alerts.GetRuleAsync(workspaceId, rule.Id, cancellationToken) is { } existing)
        {
            createdAt = existing.CreatedAt;
        }
        else
        {
            return Error.NotFound("alert-rule", "The workspace has no such alert rule.");
        }

        var problems = rule.Problems(journey);
        var endpoints = (await alerts.ListEndpointsAsync(workspaceId, cancellationToken)).Select(endpoint => endpoint.Id).ToHashSet();
        if (rule.WebhookIds.Any(id => !endpoints.Contains(id)))
        {
            problems["webhookIds"] = ["Choose webhook endpoints of this workspace."];
        }

        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        var saved = rule with { Name = rule.Name.Trim(), CreatedAt = createdAt };
        await alerts.SaveRuleAsync(workspaceId, saved, cancellationToken);
        return saved;
    }

    /// <summary>Makes a webhook endpoint with a new secret. Errors: <c>validation.failed</c> (name, or a URL that is
    /// not absolute http or https).</summary>
    public async Task<Result<WebhookEndpoint>> CreateEndpointAsync(WorkspaceId workspaceId, string? name, string? url, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            problems["name"] = ["Name the endpoint (1 to 200 characters)."];
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(address.UserInfo) || url!.Length > 2000)
        {
            problems["url"] = ["Give an absolute http or https address without credentials in it."];
        }

        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        var endpoint = new WebhookEndpoint(Guid.CreateVersion7(), name!.Trim(), address!, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow());
        await alerts.InsertEndpointAsync(workspaceId, endpoint, cancellationToken);
        return endpoint;
    }
}
