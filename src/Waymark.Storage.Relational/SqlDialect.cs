using System.Data.Common;

namespace Waymark.Storage.Relational;

/// <summary>What differs between the SQL providers: how connections open, how ids are bound, how a unique
/// violation looks, and how migrations take their lock.</summary>
public abstract class SqlDialect
{
    /// <summary>The provider's name, as /healthz reports it.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a connection with the provider's per-connection settings applied.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The parameter value for an id (SQLite stores text, PostgreSQL uuid).</summary>
    public abstract object Id(Guid id);

    /// <summary>The SQL that binds a JSON text parameter to a JSON column (PostgreSQL casts it to jsonb).</summary>
    public virtual string Json(string parameter) => parameter;

    /// <summary>True when the exception is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Serializes writers of one workspace's event sequence inside <paramref name="transaction"/>. SQLite needs
    /// nothing (its write transactions are exclusive); PostgreSQL takes a transaction-scoped advisory lock.</summary>
    public virtual Task LockWorkspaceAsync(DbConnection connection, DbTransaction transaction, Guid workspaceId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts events, chunk by chunk as they arrive, with sequences from <paramref name="firstSequence"/> on,
    /// skipping any whose message id the workspace already has; returns how many were stored. The default reuses one
    /// prepared single-row statement (binding thousands of named parameters per statement is quadratic in SQLite).</summary>
    public virtual async Task<long> InsertEventsAsync(DbConnection connection, DbTransaction transaction, object workspace, object import, long firstSequence, IAsyncEnumerable<IReadOnlyList<Application.Events.RecordedEvent>> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        long stored = 0;
        var sequence = firstSequence;
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO events (workspace_id, sequence, customer, activity, occurred_at, channel, message_id, import_id, properties) VALUES (@w, @s, @c, @a, @t, @h, @m, @i, @p) ON CONFLICT DO NOTHING",
            ("w", workspace), ("s", 0L), ("c", ""), ("a", ""), ("t", 0L), ("h", null), ("m", null), ("i", import), ("p", null));
        await insert.PrepareAsync(cancellationToken);
        var parameters = insert.Parameters;
        await foreach (var events in chunks.WithCancellation(cancellationToken))
        {
            foreach (var item in events)
            {
                parameters["s"].Value = sequence++;
                parameters["c"].Value = item.Customer;
                parameters["a"].Value = item.Activity;
                parameters["t"].Value = item.TimestampMilliseconds;
                parameters["h"].Value = (object?)item.Channel ?? DBNull.Value;
                parameters["m"].Value = (object?)item.MessageId ?? DBNull.Value;
                parameters["p"].Value = (object?)item.PropertiesJson() ?? DBNull.Value;
                stored += await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return stored;
    }

    /// <summary>Inserts ingested events in one round trip, skipping those whose message id the workspace has; returns
    /// which rows were stored, or null when the provider has no such path (rows are then inserted one by one, which
    /// costs SQLite nothing, being in process).</summary>
    public virtual Task<bool[]?> InsertTrackedEventsAsync(DbConnection connection, DbTransaction transaction, object workspace, IReadOnlyList<TrackedEventRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<bool[]?>(null);

    /// <summary>Begins the transaction that migrations run in, holding a lock that keeps other instances out.</summary>
    public abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);
}
