using System.Data.Common;
using Microsoft.Data.Sqlite;
using Waymark.Storage.Relational;

namespace Waymark.Storage.Sqlite;

/// <summary>SQLite: one file, WAL journal, <c>synchronous=FULL</c> (an acknowledged write survives a power cut),
/// foreign keys on, and a 5-second busy timeout so concurrent writers wait rather than fail.</summary>
internal sealed class SqliteDialect(string databasePath) : SqlDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        DefaultTimeout = 5,
        Pooling = true,
    }.ToString();

    public override string Name => "sqlite";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override object Id(Guid id) => id.ToString("D");

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock up front, so two processes cannot migrate at once.
        return await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
    }
}
