using System.Data.Common;
using System.Text.Json;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;

namespace Waymark.Storage.Relational;

/// <summary>What the ingestion API receives, stored in <c>events</c>, <c>survey_responses</c>, <c>identities</c>,
/// <c>customers</c>, <c>failed_events</c> and <c>message_conflicts</c>.</summary>
public sealed class RelationalTrackingStore(SqlDialect dialect) : ITrackingStore
{
    private const string FailedColumns = "id, kind, message_id, code, reason, payload, received_at, sent_at, replayed_at";

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrackingCommit>> CommitAsync(IReadOnlyList<(WorkspaceId WorkspaceId, TrackingBatch Batch)> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var results = new TrackingCommit[batches.Count];
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var workspace in Enumerable.Range(0, batches.Count).GroupBy(i => batches[i].WorkspaceId))
        {
            await using var writer = await TrackingWriteSession.BeginAsync(dialect, connection, transaction, workspace.Key, cancellationToken);
            var indexes = workspace.ToList();
            var written = await writer.WriteAsync([.. indexes.Select(i => batches[i].Batch)], cancellationToken);
            for (var j = 0; j < indexes.Count; j++)
            {
                results[indexes[j]] = written[j];
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FailedMessage>> ListFailedAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, $"SELECT {FailedColumns} FROM failed_events WHERE workspace_id = @w ORDER BY received_at DESC, id DESC LIMIT @limit", ReadFailed, cancellationToken,
            ("w", dialect.Id(workspaceId.Value)), ("limit", limit));
    }

    /// <inheritdoc />
    public async Task<FailedMessage?> GetFailedAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, $"SELECT {FailedColumns} FROM failed_events WHERE workspace_id = @w AND id = @id", ReadFailed, cancellationToken,
            ("w", dialect.Id(workspaceId.Value)), ("id", dialect.Id(id)))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MessageConflict>> ListConflictsAsync(WorkspaceId workspaceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT id, kind, message_id, payload, received_at FROM message_conflicts WHERE workspace_id = @w ORDER BY received_at DESC, id DESC LIMIT @limit",
            reader => new MessageConflict(reader.GetGuid(0), KindOf(reader.GetString(1)), reader.GetString(2), reader.GetString(3), Sql.ReadTime(reader, 4)),
            cancellationToken, ("w", dialect.Id(workspaceId.Value)), ("limit", limit));
    }

    internal static string NameOf(TrackingKind kind) => kind == TrackingKind.Events ? "event" : "response";

    private static TrackingKind KindOf(string name) => name == "event" ? TrackingKind.Events : TrackingKind.Answers;

    private static FailedMessage ReadFailed(DbDataReader reader) =>
        new(reader.GetGuid(0), KindOf(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            Sql.ReadTime(reader, 6), Sql.ReadOptionalTime(reader, 7), Sql.ReadOptionalTime(reader, 8));

    internal static string Serialize(IReadOnlyDictionary<string, string> properties) => JsonSerializer.Serialize(properties);
}
