using System.Data.Common;
using Npgsql;
using Waymark.Storage.Relational;

namespace Waymark.Storage.PostgreSql;

/// <summary>PostgreSQL through one pooled data source; migrations hold an advisory lock so several
/// server instances starting together migrate once.</summary>
internal sealed class PostgreSqlDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    private const long MigrationLockKey = 0x5761796D61726B; // "Waymark"

    public override string Name => "postgresql";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public override object Id(Guid id) => id;

    public override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task LockWorkspaceAsync(DbConnection connection, DbTransaction transaction, Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@workspace::text))", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("workspace", workspaceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Binary COPY into a temporary table, then one INSERT … SELECT that skips known message ids.</summary>
    public override async Task<long> InsertEventsAsync(DbConnection connection, DbTransaction transaction, object workspace, object import, long firstSequence, IAsyncEnumerable<IReadOnlyList<Waymark.Application.Events.RecordedEvent>> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var npgsql = (NpgsqlConnection)connection;
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE incoming_events (sequence bigint, customer text, activity text, occurred_at bigint, channel text, message_id text, properties jsonb) ON COMMIT DROP", npgsql, (NpgsqlTransaction)transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var sequence = firstSequence;
        await foreach (var events in chunks.WithCancellation(cancellationToken))
        {
            await using var writer = await npgsql.BeginBinaryImportAsync("COPY incoming_events (sequence, customer, activity, occurred_at, channel, message_id, properties) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var item in events)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(sequence++, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(item.Customer, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(item.Activity, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(item.TimestampMilliseconds, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(writer, item.Channel, cancellationToken);
                await WriteNullableAsync(writer, item.MessageId, cancellationToken);
                if (item.PropertiesJson() is { } json)
                {
                    await writer.WriteAsync(json, NpgsqlTypes.NpgsqlDbType.Jsonb, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO events (workspace_id, sequence, customer, activity, occurred_at, channel, message_id, import_id, properties) " +
            "SELECT @w, sequence, customer, activity, occurred_at, channel, message_id, @i, properties FROM incoming_events ORDER BY sequence ON CONFLICT DO NOTHING",
            npgsql, (NpgsqlTransaction)transaction);
        insert.Parameters.AddWithValue("w", workspace);
        insert.Parameters.AddWithValue("i", import);
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One <c>INSERT … SELECT … FROM unnest(arrays) ON CONFLICT DO NOTHING RETURNING sequence</c>: the whole
    /// batch in one round trip, as binary arrays, with no temporary table to create or empty.</summary>
    public override async Task<bool[]?> InsertTrackedEventsAsync(DbConnection connection, DbTransaction transaction, object workspace, IReadOnlyList<TrackedEventRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var stored = new bool[rows.Count];
        if (rows.Count == 0)
        {
            return stored;
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO events (workspace_id, sequence, customer, activity, occurred_at, channel, message_id, import_id, properties, payload_hash, anonymous_id, received_at, flags) " +
            "SELECT @w, sequence, customer, activity, occurred_at, channel, message_id, @i, CAST(properties AS jsonb), payload_hash, anonymous_id, received_at, flags " +
            "FROM unnest(@sequence, @customer, @activity, @occurred, @channel, @message, @properties, @hash, @anonymous, @received, @flags) " +
            "AS incoming (sequence, customer, activity, occurred_at, channel, message_id, properties, payload_hash, anonymous_id, received_at, flags) " +
            "ORDER BY sequence ON CONFLICT DO NOTHING RETURNING sequence",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        insert.Parameters.AddWithValue("w", workspace);
        insert.Parameters.AddWithValue("i", Guid.Empty);
        insert.Parameters.AddWithValue("sequence", rows.Select(row => row.Sequence).ToArray());
        insert.Parameters.AddWithValue("customer", rows.Select(row => row.Customer).ToArray());
        insert.Parameters.AddWithValue("activity", rows.Select(row => row.Activity).ToArray());
        insert.Parameters.AddWithValue("occurred", rows.Select(row => row.OccurredAt).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("channel", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(row => row.Channel).ToArray() });
        insert.Parameters.AddWithValue("message", rows.Select(row => row.MessageId).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("properties", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(row => row.Properties).ToArray() });
        insert.Parameters.AddWithValue("hash", rows.Select(row => row.Fingerprint).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("anonymous", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(row => row.AnonymousId).ToArray() });
        insert.Parameters.AddWithValue("received", rows.Select(row => row.ReceivedAt).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("flags", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(row => row.Flags).ToArray() });
        var first = rows[0].Sequence;
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetInt64(0) - first] = true;
        }

        return stored;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
        }
    }

    public override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
