using System.Data.Common;
using System.Text.Json;
using Waymark.Application.Events;
using Waymark.Application.Tracking;

namespace Waymark.Storage.Relational;

/// <summary>Writes one workspace's share of a group commit, inside the caller's transaction, with prepared statements
/// reused across its batches. Holds the workspace's sequence lock (PostgreSQL) until the transaction ends.</summary>
internal sealed class TrackingWriteSession : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly object _workspace;
    private readonly Dictionary<string, string?> _identities = new(StringComparer.Ordinal);
    private readonly List<DbCommand> _commands = [];
    private DbCommand? _insertEvent;
    private DbCommand? _insertAnswer;
    private DbCommand? _findIdentity;
    private long _eventSequence; // the last sequence handed out; rows not stored leave gaps, reused by the next commit
    private long _lastStored;
    private long _answerSequence;

    private TrackingWriteSession(SqlDialect dialect, DbConnection connection, DbTransaction transaction, object workspace)
    {
        _dialect = dialect;
        _connection = connection;
        _transaction = transaction;
        _workspace = workspace;
    }

    public static async Task<TrackingWriteSession> BeginAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        var session = new TrackingWriteSession(dialect, connection, transaction, dialect.Id(workspaceId.Value));
        await dialect.LockWorkspaceAsync(connection, transaction, workspaceId.Value, cancellationToken);
        session._eventSequence = await Sql.LastSequenceAsync(connection, transaction, "events", session._workspace, cancellationToken);
        session._lastStored = session._eventSequence;
        session._answerSequence = await Sql.LastSequenceAsync(connection, transaction, "survey_responses", session._workspace, cancellationToken);
        return session;
    }

    /// <summary>Writes the workspace's batches of one group commit: identifies first, then the events of all batches in
    /// one insert (one round trip on PostgreSQL however many requests share the commit), then answers and rejects.</summary>
    public async Task<TrackingCommit[]> WriteAsync(IReadOnlyList<TrackingBatch> batches, CancellationToken cancellationToken)
    {
        var commits = batches.Select(_ => new TrackingCommit()).ToArray();
        for (var b = 0; b < batches.Count; b++)
        {
            foreach (var identify in batches[b].Identifies)
            {
                await IdentifyAsync(identify, Sql.Time(batches[b].ReceivedAt), commits[b], cancellationToken);
            }
        }

        var previous = _lastStored;
        await WriteEventsAsync(batches, commits, cancellationToken);
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            var receivedAt = Sql.Time(batch.ReceivedAt);
            foreach (var answer in batch.Answers)
            {
                await WriteAnswerAsync(answer, receivedAt, commits[b], cancellationToken);
            }

            foreach (var rejection in batch.Rejections)
            {
                await ExecuteAsync(
                    "INSERT INTO failed_events (workspace_id, id, kind, message_id, code, reason, payload, fingerprint, received_at, sent_at, replayed_at) " +
                    "VALUES (@w, @id, @k, @m, @c, @r, @p, @f, @at, @sent, NULL) ON CONFLICT DO NOTHING",
                    cancellationToken, ("id", _dialect.Id(Guid.CreateVersion7())), ("k", RelationalTrackingStore.NameOf(batch.Kind)), ("m", rejection.MessageId), ("c", rejection.Code),
                    ("r", rejection.Reason), ("p", rejection.Payload), ("f", Fingerprint(batch.Kind, rejection.Payload)), ("at", receivedAt), ("sent", Sql.Time(batch.SentAt)));
            }

            if (batch.ReplayOf is { } replayed && batch.Rejections.Count == 0)
            {
                await ExecuteAsync("UPDATE failed_events SET replayed_at = @at WHERE workspace_id = @w AND id = @id", cancellationToken, ("at", receivedAt), ("id", _dialect.Id(replayed)));
            }

            previous = Math.Max(previous, commits[b].Sequences.Count > 0 ? commits[b].Sequences[^1] : 0);
            commits[b].LastSequence = previous;
        }

        return commits;
    }

    private async Task IdentifyAsync(TrackedIdentify identify, long receivedAt, TrackingCommit commit, CancellationToken cancellationToken)
    {
        if (identify.AnonymousId is { } anonymousId && anonymousId != identify.Customer
            && await ExecuteAsync("INSERT INTO identities (workspace_id, anonymous_id, customer, linked_at) VALUES (@w, @a, @c, @at) ON CONFLICT DO NOTHING", cancellationToken,
                ("a", anonymousId), ("c", identify.Customer), ("at", receivedAt)) == 1)
        {
            _identities[anonymousId] = identify.Customer;
            commit.Relinked += await ExecuteAsync("UPDATE events SET customer = @c WHERE workspace_id = @w AND anonymous_id = @a AND customer = @a", cancellationToken,
                ("a", anonymousId), ("c", identify.Customer));
            await ExecuteAsync("UPDATE survey_responses SET customer = @c WHERE workspace_id = @w AND anonymous_id = @a AND customer = @a", cancellationToken,
                ("a", anonymousId), ("c", identify.Customer));
        }

        if (identify.Traits.Count == 0)
        {
            return;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = Command("SELECT properties FROM customers WHERE workspace_id = @w AND customer = @c", ("c", identify.Customer)))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is string json)
            {
                properties = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? properties;
            }
        }

        foreach (var (name, value) in identify.Traits)
        {
            properties[name] = value;
        }

        await ExecuteAsync("INSERT INTO customers (workspace_id, customer, properties) VALUES (@w, @c, @p) ON CONFLICT (workspace_id, customer) DO UPDATE SET properties = excluded.properties",
            cancellationToken, ("c", identify.Customer), ("p", RelationalTrackingStore.Serialize(properties)));
        commit.Customers[identify.Customer] = properties;
    }

    private async Task WriteEventsAsync(IReadOnlyList<TrackingBatch> batches, TrackingCommit[] commits, CancellationToken cancellationToken)
    {
        var items = new List<(TrackedEvent Item, int Batch)>();
        for (var b = 0; b < batches.Count; b++)
        {
            items.AddRange(batches[b].Events.Select(item => (item, b)));
        }

        if (items.Count == 0)
        {
            return;
        }

        var rows = new List<TrackedEventRow>(items.Count);
        var records = new List<RecordedEvent>(items.Count);
        foreach (var (item, _) in items)
        {
            var customer = item.AnonymousId is null ? item.Customer : await ResolveAsync(item.AnonymousId, cancellationToken) ?? item.Customer;
            var record = new RecordedEvent(customer, item.Activity, item.TimestampMilliseconds, item.Channel, item.MessageId, item.Properties);
            records.Add(record);
            rows.Add(new TrackedEventRow(_eventSequence + rows.Count + 1, customer, item.Activity, item.TimestampMilliseconds, item.Channel, item.MessageId, record.PropertiesJson(),
                item.Fingerprint, item.AnonymousId, item.ReceivedAtMilliseconds, item.Future ? "future" : null));
        }

        var stored = await _dialect.InsertTrackedEventsAsync(_connection, _transaction, _workspace, rows, cancellationToken) ?? await InsertOneByOneAsync(rows, cancellationToken);
        _eventSequence += rows.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var (item, batch) = items[i];
            var commit = commits[batch];
            if (stored[i])
            {
                commit.Stored++;
                commit.Events.Add(records[i]);
                commit.Sequences.Add(rows[i].Sequence);
                _lastStored = rows[i].Sequence;
            }
            else
            {
                await ClassifyRepeatAsync("events", TrackingKind.Events, item.MessageId, item.Fingerprint, item.Payload, item.ReceivedAtMilliseconds, commit, cancellationToken);
            }
        }
    }

    private async Task<bool[]> InsertOneByOneAsync(List<TrackedEventRow> rows, CancellationToken cancellationToken)
    {
        _insertEvent ??= await PrepareAsync(
            "INSERT INTO events (workspace_id, sequence, customer, activity, occurred_at, channel, message_id, import_id, properties, payload_hash, anonymous_id, received_at, flags) " +
            $"VALUES (@w, @s, @c, @a, @t, @h, @m, @i, {_dialect.Json("@p")}, @f, @an, @at, @flags) ON CONFLICT DO NOTHING",
            cancellationToken, ("s", 0L), ("c", ""), ("a", ""), ("t", 0L), ("h", ""), ("m", ""), ("i", _dialect.Id(Guid.Empty)), ("p", ""), ("f", ""), ("an", ""), ("at", 0L), ("flags", ""));
        var parameters = _insertEvent.Parameters;
        var stored = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            parameters["s"].Value = row.Sequence;
            parameters["c"].Value = row.Customer;
            parameters["a"].Value = row.Activity;
            parameters["t"].Value = row.OccurredAt;
            parameters["h"].Value = (object?)row.Channel ?? DBNull.Value;
            parameters["m"].Value = row.MessageId;
            parameters["p"].Value = (object?)row.Properties ?? DBNull.Value;
            parameters["f"].Value = row.Fingerprint;
            parameters["an"].Value = (object?)row.AnonymousId ?? DBNull.Value;
            parameters["at"].Value = row.ReceivedAt;
            parameters["flags"].Value = (object?)row.Flags ?? DBNull.Value;
            stored[i] = await _insertEvent.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        return stored;
    }

    private async Task WriteAnswerAsync(TrackedAnswer answer, long receivedAt, TrackingCommit commit, CancellationToken cancellationToken)
    {
        var customer = answer.AnonymousId is null ? answer.Response.Customer : await ResolveAsync(answer.AnonymousId, cancellationToken) ?? answer.Response.Customer;
        _insertAnswer ??= await PrepareAsync(
            "INSERT INTO survey_responses (workspace_id, sequence, customer, subject, metric, score, comment, answered_at, message_id, payload_hash, anonymous_id) " +
            "VALUES (@w, @s, @c, @j, @m, @v, @t, @a, @id, @f, @an) ON CONFLICT DO NOTHING",
            cancellationToken, ("s", 0L), ("c", ""), ("j", ""), ("m", ""), ("v", 0), ("t", ""), ("a", 0L), ("id", ""), ("f", ""), ("an", ""));
        var parameters = _insertAnswer.Parameters;
        parameters["s"].Value = _answerSequence + 1;
        parameters["c"].Value = customer;
        parameters["j"].Value = answer.Response.Subject;
        parameters["m"].Value = answer.Response.Metric.ToString().ToLowerInvariant();
        parameters["v"].Value = answer.Response.Score;
        parameters["t"].Value = (object?)answer.Response.Comment ?? DBNull.Value;
        parameters["a"].Value = Sql.Time(answer.Response.AnsweredAt);
        parameters["id"].Value = answer.MessageId;
        parameters["f"].Value = answer.Fingerprint;
        parameters["an"].Value = (object?)answer.AnonymousId ?? DBNull.Value;
        if (await _insertAnswer.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            _answerSequence++;
            commit.Stored++;
            return;
        }

        await ClassifyRepeatAsync("survey_responses", TrackingKind.Answers, answer.MessageId, answer.Fingerprint, answer.Payload, receivedAt, commit, cancellationToken);
    }

    /// <summary>A message whose id is stored: a duplicate when the stored fingerprint matches (or the stored row came
    /// from a file import, which has none), else a conflict kept aside.</summary>
    private async Task ClassifyRepeatAsync(string table, TrackingKind kind, string messageId, string fingerprint, string payload, long receivedAt, TrackingCommit commit, CancellationToken cancellationToken)
    {
        await using var find = Command($"SELECT payload_hash FROM {table} WHERE workspace_id = @w AND message_id = @m", ("m", messageId));
        var stored = await find.ExecuteScalarAsync(cancellationToken);
        if (stored is null or DBNull || (string)stored == fingerprint)
        {
            commit.Duplicates++;
            return;
        }

        commit.Conflicts++;
        await ExecuteAsync("INSERT INTO message_conflicts (workspace_id, id, kind, message_id, payload, received_at) VALUES (@w, @id, @k, @m, @p, @at)", cancellationToken,
            ("id", _dialect.Id(Guid.CreateVersion7())), ("k", RelationalTrackingStore.NameOf(kind)), ("m", messageId), ("p", payload), ("at", receivedAt));
    }

    private static string Fingerprint(TrackingKind kind, string payload) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}:{payload}")));

    private async Task<string?> ResolveAsync(string anonymousId, CancellationToken cancellationToken)
    {
        if (_identities.TryGetValue(anonymousId, out var known))
        {
            return known;
        }

        _findIdentity ??= await PrepareAsync("SELECT customer FROM identities WHERE workspace_id = @w AND anonymous_id = @a", cancellationToken, ("a", ""));
        _findIdentity.Parameters["a"].Value = anonymousId;
        var customer = await _findIdentity.ExecuteScalarAsync(cancellationToken) as string;
        _identities[anonymousId] = customer;
        return customer;
    }

    private DbCommand Command(string text, params (string Name, object? Value)[] parameters) =>
        Sql.Command(_connection, _transaction, text, [("w", _workspace), .. parameters]);

    private async Task<DbCommand> PrepareAsync(string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(text, parameters);
        _commands.Add(command);
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private async Task<int> ExecuteAsync(string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }
    }
}
