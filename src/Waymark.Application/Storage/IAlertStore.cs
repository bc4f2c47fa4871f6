using Waymark.Application.Alerts;

namespace Waymark.Application.Storage;

/// <summary>Stores alert rules, webhook endpoints, what fired (notifications and their webhook deliveries) and the
/// state that makes each occurrence fire exactly once, across restarts.</summary>
public interface IAlertStore
{
    Task<IReadOnlyList<AlertRule>> ListRulesAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    Task<AlertRule?> GetRuleAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a rule.</summary>
    Task SaveRuleAsync(WorkspaceId workspaceId, AlertRule rule, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteRuleAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken);

    /// <summary>The workspaces that have at least one enabled rule (for the evaluator, which runs for the whole server).</summary>
    Task<IReadOnlyList<WorkspaceId>> WorkspacesWithRulesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    Task InsertEndpointAsync(WorkspaceId workspaceId, WebhookEndpoint endpoint, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteEndpointAsync(WorkspaceId workspaceId, Guid endpointId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="occurrence"/> of the rule fired, with its notification and one pending
    /// delivery per endpoint, in one transaction; false (and nothing written) when that occurrence fired before.</summary>
    Task<bool> FireAsync(WorkspaceId workspaceId, string occurrence, Notification notification, IReadOnlyList<Guid> endpointIds, CancellationToken cancellationToken);

    /// <summary>A threshold rule's state: whether its condition held at the last evaluation, and how many times it has
    /// started to hold (its occurrences).</summary>
    Task<(bool Holding, long Episodes)> GetRuleStateAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken);

    Task SetRuleStateAsync(WorkspaceId workspaceId, Guid ruleId, bool holding, long episodes, CancellationToken cancellationToken);

    /// <summary>The workspace's notifications, newest first.</summary>
    Task<IReadOnlyList<Notification>> ListNotificationsAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken);

    Task<WriteOutcome> MarkReadAsync(WorkspaceId workspaceId, Guid notificationId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The workspace's deliveries to one endpoint, newest first, with their attempts.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(WorkspaceId workspaceId, Guid endpointId, int limit, CancellationToken cancellationToken);

    /// <summary>Pending deliveries due at <paramref name="now"/>, across workspaces (for the dispatcher), with what
    /// sending needs: the endpoint and the notification.</summary>
    Task<IReadOnlyList<(WorkspaceId WorkspaceId, Guid DeliveryId, int Attempts, WebhookEndpoint Endpoint, Notification Notification)>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt and the delivery's new status (<c>pending</c> with the next attempt's time,
    /// <c>delivered</c> or <c>dead</c>).</summary>
    Task RecordAttemptAsync(WorkspaceId workspaceId, Guid deliveryId, WebhookAttempt attempt, string status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Makes a dead delivery pending again, due now; NotFound when there is no dead delivery with that id.</summary>
    Task<WriteOutcome> RetryDeliveryAsync(WorkspaceId workspaceId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken);
}
