using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Checks the store with <c>SELECT 1</c>.</summary>
public sealed class RelationalStoreHealth(SqlDialect dialect) : IStoreHealth
{
    /// <inheritdoc />
    public string Provider => dialect.Name;

    /// <inheritdoc />
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "SELECT 1", cancellationToken);
    }
}
