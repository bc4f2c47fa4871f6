using System.Data.Common;
using System.Text.Json;
using Waymark.Application.Json;
using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Workspace objects of one kind in the shared <c>workspace_objects</c> table; a unique index on
/// (workspace, kind, lowercased name) makes names unique even under concurrent writes.</summary>
/// <typeparam name="T">The object's type.</typeparam>
public sealed class RelationalWorkspaceObjectStore<T>(SqlDialect dialect, WorkspaceObjectKind<T> kind) : IWorkspaceObjectStore<T>
    where T : class
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection, "SELECT body FROM workspace_objects WHERE workspace_id = @workspace AND kind = @kind ORDER BY name_key, id", Read, cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("kind", kind.Name));
    }

    /// <inheritdoc />
    public async Task<T?> GetAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await Sql.QueryAsync(connection, "SELECT body FROM workspace_objects WHERE workspace_id = @workspace AND kind = @kind AND id = @id", Read, cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("kind", kind.Name), ("id", dialect.Id(id)));
        return rows.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> InsertAsync(T item, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            await InsertAsync(dialect, kind, connection, null, item, cancellationToken);
            return WriteOutcome.Done;
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            return WriteOutcome.NameTaken;
        }
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(T item, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            var changed = await Sql.ExecuteAsync(connection, null,
                "UPDATE workspace_objects SET name_key = @name, version = @version, body = @body WHERE workspace_id = @workspace AND kind = @kind AND id = @id AND version = @expected",
                cancellationToken, [.. Parameters(dialect, kind, item), ("expected", expectedVersion)]);
            if (changed == 1)
            {
                return WriteOutcome.Done;
            }
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            return WriteOutcome.NameTaken;
        }

        return await GetAsync(kind.WorkspaceOf(item), kind.IdOf(item), cancellationToken) is null ? WriteOutcome.NotFound : WriteOutcome.VersionConflict;
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(WorkspaceId workspaceId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, null, "DELETE FROM workspace_objects WHERE workspace_id = @workspace AND kind = @kind AND id = @id", cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("kind", kind.Name), ("id", dialect.Id(id)));
        return deleted == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    internal static Task<int> InsertAsync(SqlDialect dialect, WorkspaceObjectKind<T> kind, DbConnection connection, DbTransaction? transaction, T item, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction,
            "INSERT INTO workspace_objects (workspace_id, kind, id, name_key, version, body) VALUES (@workspace, @kind, @id, @name, @version, @body)",
            cancellationToken, [.. Parameters(dialect, kind, item)]);

    private static List<(string, object?)> Parameters(SqlDialect dialect, WorkspaceObjectKind<T> kind, T item) =>
    [
        ("workspace", dialect.Id(kind.WorkspaceOf(item).Value)), ("kind", kind.Name), ("id", dialect.Id(kind.IdOf(item))),
        ("name", kind.NameOf(item).Trim().ToLowerInvariant()), ("version", kind.VersionOf(item)), ("body", JsonSerializer.Serialize(item, WaymarkJson.Options)),
    ];

    private static T Read(DbDataReader reader) => JsonSerializer.Deserialize<T>(reader.GetString(0), WaymarkJson.Options)!;
}
