using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waymark.Application.Alerts;
using Waymark.Application.Json;
using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Alert rules, webhook endpoints and the alert outbox (notifications, deliveries, attempts).</summary>
public sealed class RelationalAlertStore(SqlDialect dialect) : IAlertStore
{
    private const string NotificationColumns = "id, rule_id, journey_id, type, title, data, created_at, read_at";

    private object W(WorkspaceId workspaceId) => dialect.Id(workspaceId.Value);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT body FROM alert_rules WHERE workspace_id = @w ORDER BY id", ReadRule, cancellationToken, ("w", W(workspaceId)));
    }

    /// <inheritdoc />
    public async Task<AlertRule?> GetRuleAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, "SELECT body FROM alert_rules WHERE workspace_id = @w AND id = @id", ReadRule, cancellationToken, ("w", W(workspaceId)), ("id", dialect.Id(ruleId)))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task SaveRuleAsync(WorkspaceId workspaceId, AlertRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO alert_rules (workspace_id, id, journey_id, enabled, body) VALUES (@w, @id, @j, @e, @b) " +
            "ON CONFLICT (workspace_id, id) DO UPDATE SET journey_id = excluded.journey_id, enabled = excluded.enabled, body = excluded.body", cancellationToken,
            ("w", W(workspaceId)), ("id", dialect.Id(rule.Id)), ("j", dialect.Id(rule.JourneyId.Value)), ("e", rule.Enabled), ("b", JsonSerializer.Serialize(rule, WaymarkJson.Options)));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteRuleAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, null, "DELETE FROM alert_rules WHERE workspace_id = @w AND id = @id", cancellationToken, ("w", W(workspaceId)), ("id", dialect.Id(ruleId)));
        return deleted == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesWithRulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT DISTINCT workspace_id FROM alert_rules WHERE enabled = @e", reader => new WorkspaceId(reader.GetGuid(0)), cancellationToken, ("e", true));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT id, name, url, secret, created_at FROM webhook_endpoints WHERE workspace_id = @w ORDER BY created_at, id", ReadEndpoint, cancellationToken, ("w", W(workspaceId)));
    }

    /// <inheritdoc />
    public async Task InsertEndpointAsync(WorkspaceId workspaceId, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "INSERT INTO webhook_endpoints (workspace_id, id, name, url, secret, created_at) VALUES (@w, @id, @n, @u, @s, @at)", cancellationToken,
            ("w", W(workspaceId)), ("id", dialect.Id(endpoint.Id)), ("n", endpoint.Name), ("u", endpoint.Url.ToString()), ("s", endpoint.Secret), ("at", Sql.Time(endpoint.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteEndpointAsync(WorkspaceId workspaceId, Guid endpointId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, null, "DELETE FROM webhook_endpoints WHERE workspace_id = @w AND id = @id", cancellationToken, ("w", W(workspaceId)), ("id", dialect.Id(endpointId)));
        return deleted == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task<bool> FireAsync(WorkspaceId workspaceId, string occurrence, Notification notification, IReadOnlyList<Guid> endpointIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(endpointIds);
        var w = W(workspaceId);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fired = await Sql.ExecuteAsync(connection, transaction,
            "INSERT INTO alert_firings (workspace_id, rule_id, occurrence, notification_id, fired_at) VALUES (@w, @r, @o, @n, @at) ON CONFLICT DO NOTHING", cancellationToken,
            ("w", w), ("r", dialect.Id(notification.RuleId)), ("o", occurrence), ("n", dialect.Id(notification.Id)), ("at", Sql.Time(notification.CreatedAt)));
        if (fired == 0)
        {
            return false;
        }

        await Sql.ExecuteAsync(connection, transaction, $"INSERT INTO notifications (workspace_id, {NotificationColumns}) VALUES (@w, @id, @r, @j, @t, @title, @d, @at, NULL)", cancellationToken,
            ("w", w), ("id", dialect.Id(notification.Id)), ("r", dialect.Id(notification.RuleId)), ("j", dialect.Id(notification.JourneyId)), ("t", notification.Type), ("title", notification.Title),
            ("d", notification.Data.ToJsonString()), ("at", Sql.Time(notification.CreatedAt)));
        foreach (var endpointId in endpointIds)
        {
            // Only endpoints that still exist in the workspace get a delivery.
            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO webhook_deliveries (workspace_id, id, endpoint_id, notification_id, status, attempts, next_attempt_at, created_at, delivered_at) " +
                "SELECT @w, @id, id, @n, 'pending', 0, @at, @at, NULL FROM webhook_endpoints WHERE workspace_id = @w AND id = @e", cancellationToken,
                ("w", w), ("id", dialect.Id(Guid.CreateVersion7())), ("n", dialect.Id(notification.Id)), ("at", Sql.Time(notification.CreatedAt)), ("e", dialect.Id(endpointId)));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<(bool Holding, long Episodes)> GetRuleStateAsync(WorkspaceId workspaceId, Guid ruleId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await Sql.QueryAsync(connection, "SELECT holding, episodes FROM alert_rule_state WHERE workspace_id = @w AND rule_id = @r", reader => (reader.GetBoolean(0), reader.GetInt64(1)), cancellationToken,
            ("w", W(workspaceId)), ("r", dialect.Id(ruleId)));
        return rows.Count == 0 ? (false, 0) : rows[0];
    }

    /// <inheritdoc />
    public async Task SetRuleStateAsync(WorkspaceId workspaceId, Guid ruleId, bool holding, long episodes, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO alert_rule_state (workspace_id, rule_id, holding, episodes) VALUES (@w, @r, @h, @e) ON CONFLICT (workspace_id, rule_id) DO UPDATE SET holding = excluded.holding, episodes = excluded.episodes",
            cancellationToken, ("w", W(workspaceId)), ("r", dialect.Id(ruleId)), ("h", holding), ("e", episodes));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Notification>> ListNotificationsAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, $"SELECT {NotificationColumns} FROM notifications WHERE workspace_id = @w ORDER BY created_at DESC, id DESC LIMIT @limit", ReadNotification, cancellationToken,
            ("w", W(workspaceId)), ("limit", limit));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> MarkReadAsync(WorkspaceId workspaceId, Guid notificationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null, "UPDATE notifications SET read_at = COALESCE(read_at, @at) WHERE workspace_id = @w AND id = @id", cancellationToken,
            ("at", Sql.Time(at)), ("w", W(workspaceId)), ("id", dialect.Id(notificationId)));
        return changed == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(WorkspaceId workspaceId, Guid endpointId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deliveries = await Sql.QueryAsync(connection,
            "SELECT id, endpoint_id, notification_id, status, attempts, next_attempt_at, created_at, delivered_at FROM webhook_deliveries WHERE workspace_id = @w AND endpoint_id = @e " +
            "ORDER BY created_at DESC, id DESC LIMIT @limit",
            reader => new WebhookDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetInt32(4), Sql.ReadOptionalTime(reader, 5), Sql.ReadTime(reader, 6),
                Sql.ReadOptionalTime(reader, 7), []),
            cancellationToken, ("w", W(workspaceId)), ("e", dialect.Id(endpointId)), ("limit", limit));
        var result = new List<WebhookDelivery>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var attempts = await Sql.QueryAsync(connection, "SELECT attempt, at, status_code, error, duration_ms FROM webhook_attempts WHERE workspace_id = @w AND delivery_id = @d ORDER BY attempt",
                reader => new WebhookAttempt(reader.GetInt32(0), Sql.ReadTime(reader, 1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4)),
                cancellationToken, ("w", W(workspaceId)), ("d", dialect.Id(delivery.Id)));
            result.Add(delivery with { Log = attempts });
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(WorkspaceId WorkspaceId, Guid DeliveryId, int Attempts, WebhookEndpoint Endpoint, Notification Notification)>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection,
            "SELECT d.workspace_id, d.id, d.attempts, e.id, e.name, e.url, e.secret, e.created_at, " +
            "n.id, n.rule_id, n.journey_id, n.type, n.title, n.data, n.created_at, n.read_at " +
            "FROM webhook_deliveries d JOIN webhook_endpoints e ON e.workspace_id = d.workspace_id AND e.id = d.endpoint_id " +
            "JOIN notifications n ON n.workspace_id = d.workspace_id AND n.id = d.notification_id " +
            "WHERE d.status = 'pending' AND d.next_attempt_at <= @now ORDER BY d.next_attempt_at LIMIT @limit",
            reader => (new WorkspaceId(reader.GetGuid(0)), reader.GetGuid(1), reader.GetInt32(2),
                new WebhookEndpoint(reader.GetGuid(3), reader.GetString(4), new Uri(reader.GetString(5)), reader.GetString(6), Sql.ReadTime(reader, 7)),
                new Notification(reader.GetGuid(8), reader.GetGuid(9), reader.GetGuid(10), reader.GetString(11), reader.GetString(12), (JsonObject)JsonNode.Parse(reader.GetString(13))!,
                    Sql.ReadTime(reader, 14), Sql.ReadOptionalTime(reader, 15))),
            cancellationToken, ("now", Sql.Time(now)), ("limit", limit));
    }

    /// <inheritdoc />
    public async Task RecordAttemptAsync(WorkspaceId workspaceId, Guid deliveryId, WebhookAttempt attempt, string status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var w = W(workspaceId);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction,
            "INSERT INTO webhook_attempts (workspace_id, delivery_id, attempt, at, status_code, error, duration_ms) VALUES (@w, @d, @a, @at, @s, @e, @ms) ON CONFLICT DO NOTHING", cancellationToken,
            ("w", w), ("d", dialect.Id(deliveryId)), ("a", attempt.Attempt), ("at", Sql.Time(attempt.At)), ("s", attempt.StatusCode), ("e", attempt.Error), ("ms", attempt.DurationMilliseconds));
        await Sql.ExecuteAsync(connection, transaction,
            "UPDATE webhook_deliveries SET status = @status, attempts = @a, next_attempt_at = @next, delivered_at = @delivered WHERE workspace_id = @w AND id = @d", cancellationToken,
            ("status", status), ("a", attempt.Attempt), ("next", Sql.Time(nextAttemptAt)), ("delivered", status == "delivered" ? Sql.Time(attempt.At) : null), ("w", w), ("d", dialect.Id(deliveryId)));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> RetryDeliveryAsync(WorkspaceId workspaceId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null, "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now WHERE workspace_id = @w AND id = @d AND status = 'dead'", cancellationToken,
            ("now", Sql.Time(now)), ("w", W(workspaceId)), ("d", dialect.Id(deliveryId)));
        return changed == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    private static AlertRule ReadRule(DbDataReader reader) => JsonSerializer.Deserialize<AlertRule>(reader.GetString(0), WaymarkJson.Options)!;

    private static WebhookEndpoint ReadEndpoint(DbDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), new Uri(reader.GetString(2)), reader.GetString(3), Sql.ReadTime(reader, 4));

    private static Notification ReadNotification(DbDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), (JsonObject)JsonNode.Parse(reader.GetString(5))!, Sql.ReadTime(reader, 6), Sql.ReadOptionalTime(reader, 7));
}
