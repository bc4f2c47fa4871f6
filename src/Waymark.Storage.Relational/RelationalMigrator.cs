using System.Reflection;
using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Applies a provider's embedded migrations (<c>NNNN_name.sql</c>, in order), forward only, all pending ones
/// in one transaction with their rows in <c>schema_migrations</c>: a failed migration leaves the schema as it was.</summary>
public sealed class RelationalMigrator(SqlDialect dialect, Assembly migrationsAssembly, TimeProvider clock) : IMigrator
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = migrationsAssembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Resource: name, File: name[(name.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..]))
            .Select(migration => (migration.Resource, migration.File, Version: int.Parse(migration.File[..4], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(migration => migration.Version)
            .ToList();

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken);
        var applied = new List<string>();
        await using var transaction = await dialect.BeginMigrationAsync(connection, cancellationToken);
        var done = (await QueryVersionsAsync(connection, transaction, cancellationToken)).ToHashSet();
        var unknown = done.Where(version => migrations.All(migration => migration.Version != version)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {dialect.Name} store has migration(s) {string.Join(", ", unknown)} that this version of Waymark does not know: it was written by a newer version. Run that version, or restore a backup.");
        }

        foreach (var migration in migrations.Where(migration => !done.Contains(migration.Version)))
        {
            await using var stream = migrationsAssembly.GetManifestResourceStream(migration.Resource)!;
            using var reader = new StreamReader(stream);
            await Sql.ExecuteAsync(connection, transaction, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", cancellationToken,
                ("version", migration.Version), ("name", migration.File), ("at", Sql.Time(clock.GetUtcNow())));
            applied.Add(migration.File);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<List<int>> QueryVersionsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT version FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
