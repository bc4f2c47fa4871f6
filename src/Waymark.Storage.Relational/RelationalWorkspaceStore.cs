using System.Data.Common;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;

namespace Waymark.Storage.Relational;

/// <summary>Workspaces, members and invitations.</summary>
public sealed class RelationalWorkspaceStore(SqlDialect dialect) : IWorkspaceStore
{
    /// <inheritdoc />
    public async Task CreateAsync(Workspace workspace, UserId ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(dialect, connection, transaction, workspace, ownerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task InsertAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, Workspace workspace, UserId ownerId, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "INSERT INTO workspaces (id, name, created_at) VALUES (@id, @name, @created)", cancellationToken,
            ("id", dialect.Id(workspace.Id.Value)), ("name", workspace.Name), ("created", Sql.Time(workspace.CreatedAt)));
        await Sql.ExecuteAsync(connection, transaction, "INSERT INTO members (workspace_id, user_id, role, created_at) VALUES (@workspace, @user, @role, @created)", cancellationToken,
            ("workspace", dialect.Id(workspace.Id.Value)), ("user", dialect.Id(ownerId.Value)), ("role", (int)WorkspaceRole.Owner), ("created", Sql.Time(workspace.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<Workspace?> GetAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await Sql.QueryAsync(connection, "SELECT id, name, created_at FROM workspaces WHERE id = @id", ReadWorkspace, cancellationToken, ("id", dialect.Id(workspaceId.Value)))).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> RenameAsync(WorkspaceId workspaceId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null, "UPDATE workspaces SET name = @name WHERE id = @id", cancellationToken, ("name", name), ("id", dialect.Id(workspaceId.Value)));
        return changed == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(Workspace Workspace, WorkspaceRole Role)>> ListForUserAsync(UserId userId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection,
            "SELECT w.id, w.name, w.created_at, m.role FROM workspaces w JOIN members m ON m.workspace_id = w.id WHERE m.user_id = @user ORDER BY w.name, w.id",
            reader => (ReadWorkspace(reader), (WorkspaceRole)reader.GetInt32(3)), cancellationToken, ("user", dialect.Id(userId.Value)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Workspace>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT id, name, created_at FROM workspaces ORDER BY created_at, id", ReadWorkspace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkspaceRole?> GetRoleAsync(WorkspaceId workspaceId, UserId userId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var roles = await Sql.QueryAsync(connection, "SELECT role FROM members WHERE workspace_id = @workspace AND user_id = @user", reader => (WorkspaceRole)reader.GetInt32(0), cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("user", dialect.Id(userId.Value)));
        return roles.Count == 0 ? null : roles[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Member>> ListMembersAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection,
            "SELECT u.id, u.email, u.display_name, m.role FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = @workspace ORDER BY u.email",
            reader => new Member(new UserId(reader.GetGuid(0)), reader.GetString(1), reader.GetString(2), (WorkspaceRole)reader.GetInt32(3)), cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)));
    }

    /// <inheritdoc />
    public async Task SetMemberAsync(WorkspaceId workspaceId, UserId userId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO members (workspace_id, user_id, role, created_at) VALUES (@workspace, @user, @role, 0) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role",
            cancellationToken, ("workspace", dialect.Id(workspaceId.Value)), ("user", dialect.Id(userId.Value)), ("role", (int)role));
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> RemoveMemberAsync(WorkspaceId workspaceId, UserId userId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var removed = await Sql.ExecuteAsync(connection, null, "DELETE FROM members WHERE workspace_id = @workspace AND user_id = @user", cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("user", dialect.Id(userId.Value)));
        return removed == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task SetInvitationAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO invitations (workspace_id, email, role, created_at) VALUES (@workspace, @email, @role, @created) ON CONFLICT (workspace_id, email) DO UPDATE SET role = excluded.role",
            cancellationToken, ("workspace", dialect.Id(invitation.WorkspaceId.Value)), ("email", invitation.Email), ("role", (int)invitation.Role), ("created", Sql.Time(invitation.CreatedAt)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Invitation>> ListInvitationsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT workspace_id, email, role, created_at FROM invitations WHERE workspace_id = @workspace ORDER BY email",
            reader => new Invitation(new WorkspaceId(reader.GetGuid(0)), reader.GetString(1), (WorkspaceRole)reader.GetInt32(2), Sql.ReadTime(reader, 3)), cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)));
    }

    private static Workspace ReadWorkspace(DbDataReader reader) => new(new WorkspaceId(reader.GetGuid(0)), reader.GetString(1), Sql.ReadTime(reader, 2));
}
