using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waymark.Storage.Relational;

namespace Waymark.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlStorageExtensions
{
    /// <summary>Registers every store port on the PostgreSQL database named by <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Timeout"))
        {
            builder.Timeout = 5;
        }

        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        services.AddSingleton(dataSource);
        return services.AddRelationalStorage(new PostgreSqlDialect(dataSource), typeof(PostgreSqlStorageExtensions).Assembly);
    }
}
