using System.Data.Common;
using Waymark.Application.Accounts;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;

namespace Waymark.Storage.Relational;

/// <summary>Users and API tokens.</summary>
public sealed class RelationalAccountStore(SqlDialect dialect) : IAccountStore
{
    private const string UserColumns = "id, email, display_name, password_hash, failed_sign_ins, locked_until, created_at";
    private const string TokenColumns = "id, user_id, name, token_hash, created_at, last_used_at";

    /// <inheritdoc />
    public async Task<bool> CreateUserAsync(User user, Workspace? firstWorkspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await Sql.ExecuteAsync(connection, transaction,
                $"INSERT INTO users ({UserColumns}) VALUES (@id, @email, @name, @hash, 0, NULL, @created)", cancellationToken,
                ("id", dialect.Id(user.Id.Value)), ("email", user.Email), ("name", user.DisplayName), ("hash", user.PasswordHash), ("created", Sql.Time(user.CreatedAt)));
            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO members (workspace_id, user_id, role, created_at) SELECT workspace_id, @id, role, @created FROM invitations WHERE email = @email", cancellationToken,
                ("id", dialect.Id(user.Id.Value)), ("email", user.Email), ("created", Sql.Time(user.CreatedAt)));
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM invitations WHERE email = @email", cancellationToken, ("email", user.Email));
            if (firstWorkspace is not null)
            {
                await RelationalWorkspaceStore.InsertAsync(dialect, connection, transaction, firstWorkspace, user.Id, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
    }

    /// <inheritdoc />
    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        SingleUserAsync("email = @value", email, cancellationToken);

    /// <inheritdoc />
    public Task<User?> GetAsync(UserId userId, CancellationToken cancellationToken) =>
        SingleUserAsync("id = @value", dialect.Id(userId.Value), cancellationToken);

    /// <inheritdoc />
    public async Task SetSignInStateAsync(UserId userId, int failedSignIns, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "UPDATE users SET failed_sign_ins = @failed, locked_until = @locked WHERE id = @id", cancellationToken,
            ("failed", failedSignIns), ("locked", Sql.Time(lockedUntil)), ("id", dialect.Id(userId.Value)));
    }

    /// <inheritdoc />
    public async Task InsertTokenAsync(ApiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, $"INSERT INTO api_tokens ({TokenColumns}) VALUES (@id, @user, @name, @hash, @created, NULL)", cancellationToken,
            ("id", dialect.Id(token.Id.Value)), ("user", dialect.Id(token.UserId.Value)), ("name", token.Name), ("hash", token.Hash), ("created", Sql.Time(token.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<ApiToken?> FindTokenAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, $"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @hash", ReadToken, cancellationToken, ("hash", hash))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(UserId userId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, $"SELECT {TokenColumns} FROM api_tokens WHERE user_id = @user ORDER BY created_at DESC, id", ReadToken, cancellationToken,
            ("user", dialect.Id(userId.Value)));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteTokenAsync(UserId userId, ApiTokenId tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, null, "DELETE FROM api_tokens WHERE user_id = @user AND id = @id", cancellationToken,
            ("user", dialect.Id(userId.Value)), ("id", dialect.Id(tokenId.Value)));
        return deleted == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task TouchTokenAsync(ApiTokenId tokenId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "UPDATE api_tokens SET last_used_at = @at WHERE id = @id", cancellationToken, ("at", Sql.Time(at)), ("id", dialect.Id(tokenId.Value)));
    }

    private async Task<User?> SingleUserAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await Sql.QueryAsync(connection, $"SELECT {UserColumns} FROM users WHERE {where}", reader => new User
        {
            Id = new UserId(reader.GetGuid(0)), Email = reader.GetString(1), DisplayName = reader.GetString(2), PasswordHash = reader.GetString(3),
            FailedSignIns = reader.GetInt32(4), LockedUntil = Sql.ReadOptionalTime(reader, 5), CreatedAt = Sql.ReadTime(reader, 6),
        }, cancellationToken, ("value", value));
        return rows.SingleOrDefault();
    }

    private static ApiToken ReadToken(DbDataReader reader) =>
        new(new ApiTokenId(reader.GetGuid(0)), new UserId(reader.GetGuid(1)), reader.GetString(2), reader.GetString(3), Sql.ReadTime(reader, 4), Sql.ReadOptionalTime(reader, 5));
}
