using Npgsql;

namespace Waymark.Testing;

/// <summary>The PostgreSQL server that ./test.sh starts. Its connection string comes from WAYMARK_TEST_POSTGRES.
/// In CI (CI=true) a missing server fails the tests that need it; on a developer machine they fail too, with a hint,
/// because a skipped storage suite would hide a broken provider.</summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    /// <summary>Creates an empty database for one test class and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "waymark_test_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
