using System.Data.Common;
using System.Text.Json;
using Waymark.Application.Events;
using Waymark.Application.Json;
using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Recorded events in the <c>events</c> table, numbered per workspace in source order.</summary>
public sealed class RelationalEventStore(SqlDialect dialect) : IEventStore
{
    /// <inheritdoc />
    public async Task<long> AppendAsync(WorkspaceId workspaceId, Guid importId, IAsyncEnumerable<IReadOnlyList<RecordedEvent>> chunks, Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> customerProperties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(customerProperties);
        var workspace = dialect.Id(workspaceId.Value);
        var import = dialect.Id(importId);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockWorkspaceAsync(connection, transaction, workspaceId.Value, cancellationToken);
        var sequence = await Sql.LastSequenceAsync(connection, transaction, "events", workspace, cancellationToken);

        var stored = await dialect.InsertEventsAsync(connection, transaction, workspace, import, sequence + 1, chunks, cancellationToken);

        foreach (var (customer, properties) in customerProperties())
        {
            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO customers (workspace_id, customer, properties) VALUES (@w, @c, @p) ON CONFLICT (workspace_id, customer) DO UPDATE SET properties = excluded.properties",
                cancellationToken, ("w", workspace), ("c", customer), ("p", JsonSerializer.Serialize(properties)));
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <inheritdoc />
    public async Task<long> ReadAsync(WorkspaceId workspaceId, long afterSequence, Action<RecordedEvent> onEvent, Action<string, IReadOnlyDictionary<string, string>> onCustomer, CancellationToken cancellationToken)
    {
        var last = afterSequence;
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(onCustomer);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using (var command = Sql.Command(connection, null, "SELECT customer, activity, occurred_at, channel, message_id, properties, sequence FROM events WHERE workspace_id = @w AND sequence > @after ORDER BY sequence",
            ("w", dialect.Id(workspaceId.Value)), ("after", afterSequence)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                onEvent(new RecordedEvent(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : RecordedEvent.ParseProperties(reader.GetString(5))));
                last = reader.GetInt64(6);
            }
        }

        await using (var command = Sql.Command(connection, null, "SELECT customer, properties FROM customers WHERE workspace_id = @w", ("w", dialect.Id(workspaceId.Value))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                onCustomer(reader.GetString(0), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1))!);
            }
        }

        return last;
    }

    /// <inheritdoc />
    public async Task<long> LastSequenceAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE workspace_id = @w", ("w", dialect.Id(workspaceId.Value)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task SaveImportAsync(EventImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO event_imports (workspace_id, id, body, created_at) VALUES (@w, @id, @body, @at) ON CONFLICT (workspace_id, id) DO UPDATE SET body = excluded.body",
            cancellationToken, ("w", dialect.Id(import.WorkspaceId.Value)), ("id", dialect.Id(import.Id)), ("body", JsonSerializer.Serialize(import, WaymarkJson.Options)), ("at", Sql.Time(import.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<EventImport?> GetImportAsync(WorkspaceId workspaceId, Guid importId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, "SELECT body FROM event_imports WHERE workspace_id = @w AND id = @id", ReadImport, cancellationToken,
            ("w", dialect.Id(workspaceId.Value)), ("id", dialect.Id(importId)))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventImport>> ListImportsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT body FROM event_imports WHERE workspace_id = @w ORDER BY created_at DESC, id", ReadImport, cancellationToken, ("w", dialect.Id(workspaceId.Value)));
    }

    private static EventImport ReadImport(DbDataReader reader) => JsonSerializer.Deserialize<EventImport>(reader.GetString(0), WaymarkJson.Options)!;
}
