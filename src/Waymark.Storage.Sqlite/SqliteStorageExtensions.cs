using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Relational;

namespace Waymark.Storage.Sqlite;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteStorageExtensions
{
    /// <summary>The database file's name inside the data folder.</summary>
    public const string FileName = "waymark.db";

    /// <summary>Registers every store port on the SQLite file <c>waymark.db</c> in <paramref name="dataDirectory"/> (created if missing).</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return services.AddRelationalStorage(new SqliteDialect(Path.Combine(dataDirectory, FileName)), typeof(SqliteStorageExtensions).Assembly);
    }
}
