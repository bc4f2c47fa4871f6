using System.Data.Common;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;

namespace Waymark.Storage.Relational;

/// <summary>Write keys in the <c>write_keys</c> table.</summary>
public sealed class RelationalWriteKeyStore(SqlDialect dialect) : IWriteKeyStore
{
    private const string Columns = "id, workspace_id, name, key_hash, hint, created_by, created_at, revoked_at, last_used_at";

    /// <inheritdoc />
    public async Task InsertAsync(WriteKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, $"INSERT INTO write_keys ({Columns}) VALUES (@id, @w, @name, @hash, @hint, @by, @at, NULL, NULL)", cancellationToken,
            ("id", dialect.Id(key.Id.Value)), ("w", dialect.Id(key.WorkspaceId.Value)), ("name", key.Name), ("hash", key.Hash), ("hint", key.Hint),
            ("by", dialect.Id(key.CreatedBy.Value)), ("at", Sql.Time(key.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<WriteKey?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, $"SELECT {Columns} FROM write_keys WHERE key_hash = @hash", Read, cancellationToken, ("hash", hash))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WriteKey>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, $"SELECT {Columns} FROM write_keys WHERE workspace_id = @w ORDER BY created_at DESC, id", Read, cancellationToken,
            ("w", dialect.Id(workspaceId.Value)));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> RevokeAsync(WorkspaceId workspaceId, WriteKeyId keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null, "UPDATE write_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE workspace_id = @w AND id = @id", cancellationToken,
            ("at", Sql.Time(at)), ("w", dialect.Id(workspaceId.Value)), ("id", dialect.Id(keyId.Value)));
        return changed == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task TouchAsync(WorkspaceId workspaceId, WriteKeyId keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "UPDATE write_keys SET last_used_at = @at WHERE workspace_id = @w AND id = @id", cancellationToken,
            ("at", Sql.Time(at)), ("w", dialect.Id(workspaceId.Value)), ("id", dialect.Id(keyId.Value)));
    }

    private static WriteKey Read(DbDataReader reader) =>
        new(new WriteKeyId(reader.GetGuid(0)), new WorkspaceId(reader.GetGuid(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), new UserId(reader.GetGuid(5)),
            Sql.ReadTime(reader, 6), Sql.ReadOptionalTime(reader, 7), Sql.ReadOptionalTime(reader, 8));
}
