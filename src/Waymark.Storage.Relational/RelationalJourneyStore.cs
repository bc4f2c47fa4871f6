using System.Data.Common;
using System.Text.Json;
using Waymark.Application.Json;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Storage.Relational;

/// <summary>Journeys as one row each: filter columns plus the whole aggregate as JSON, replaced atomically.</summary>
public sealed class RelationalJourneyStore(SqlDialect dialect) : IJourneyStore
{
    private const string Columns = "body";

    /// <inheritdoc />
    public async Task<IReadOnlyList<Journey>> ListAsync(WorkspaceId workspaceId, JourneyFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = "workspace_id = @workspace";
        var parameters = new List<(string, object?)> { ("workspace", dialect.Id(workspaceId.Value)) };
        AddFilter(ref where, parameters, "kind", filter.Kind);
        AddFilter(ref where, parameters, "state", filter.State);
        AddFilter(ref where, parameters, "type", filter.Type);
        if (filter.Status is null)
        {
            where += $" AND status <> {(int)JourneyStatus.Archived}";
        }

        AddFilter(ref where, parameters, "status", filter.Status);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var journeys = await Sql.QueryAsync(connection, $"SELECT {Columns} FROM journeys WHERE {where} ORDER BY updated_at DESC, id", Read, cancellationToken, [.. parameters]);
        return journeys
            .Where(journey => filter.Tag is null || journey.Tags.Contains(filter.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(journey => filter.Search is null || journey.Name.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || (journey.Goal?.Contains(filter.Search, StringComparison.OrdinalIgnoreCase) ?? false) || (journey.Owner?.Contains(filter.Search, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(journey => filter.Persona is not { } persona || journey.PersonaIds.Contains(persona))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<Journey?> GetAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await Sql.QueryAsync(connection, $"SELECT {Columns} FROM journeys WHERE workspace_id = @workspace AND id = @id", Read, cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("id", dialect.Id(journeyId.Value)));
        return rows.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> InsertAsync(Journey journey, IReadOnlyList<Persona> newPersonas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(newPersonas);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var persona in newPersonas)
            {
                await RelationalWorkspaceObjectStore<Persona>.InsertAsync(dialect, WorkspaceObjectKind<Persona>.Personas, connection, transaction, persona, cancellationToken);
            }

            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO journeys (workspace_id, id, name, kind, state, type, status, version, created_at, updated_at, body) " +
                "VALUES (@workspace, @id, @name, @kind, @state, @type, @status, @version, @created, @updated, @body)",
                cancellationToken, [.. Parameters(journey)]);
            await transaction.CommitAsync(cancellationToken);
            return WriteOutcome.Done;
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            return WriteOutcome.NameTaken;
        }
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> UpdateAsync(Journey journey, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journey);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null,
            "UPDATE journeys SET name = @name, kind = @kind, state = @state, type = @type, status = @status, version = @version, updated_at = @updated, body = @body " +
            "WHERE workspace_id = @workspace AND id = @id AND version = @expected",
            cancellationToken, [.. Parameters(journey), ("expected", expectedVersion)]);
        if (changed == 1)
        {
            return WriteOutcome.Done;
        }

        return await GetAsync(journey.WorkspaceId, journey.Id, cancellationToken) is null ? WriteOutcome.NotFound : WriteOutcome.VersionConflict;
    }

    /// <inheritdoc />
    public async Task<WriteOutcome> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, null, "DELETE FROM journeys WHERE workspace_id = @workspace AND id = @id", cancellationToken,
            ("workspace", dialect.Id(workspaceId.Value)), ("id", dialect.Id(journeyId.Value)));
        return deleted == 1 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    private List<(string, object?)> Parameters(Journey journey) =>
    [
        ("workspace", dialect.Id(journey.WorkspaceId.Value)), ("id", dialect.Id(journey.Id.Value)), ("name", journey.Name),
        ("kind", (int)journey.Kind), ("state", (int)journey.State), ("type", (int)journey.Type), ("status", (int)journey.Status),
        ("version", journey.Version), ("created", Sql.Time(journey.CreatedAt)), ("updated", Sql.Time(journey.UpdatedAt)),
        ("body", JsonSerializer.Serialize(journey, WaymarkJson.Options)),
    ];

    private static void AddFilter<TEnum>(ref string where, List<(string, object?)> parameters, string column, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } present)
        {
            where += $" AND {column} = @{column}";
            parameters.Add((column, Convert.ToInt32(present, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static Journey Read(DbDataReader reader) => JsonSerializer.Deserialize<Journey>(reader.GetString(0), WaymarkJson.Options)!;
}
