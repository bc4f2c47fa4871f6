using System.Data.Common;

namespace Waymark.Storage.Relational;

/// <summary>What differs between the SQL providers: how connections open, how ids are bound, how a unique
/// violation looks, and how migrations take their lock.</summary>
public abstract class SqlDialect
{
    /// <summary>The provider's name, as /healthz reports it.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a connection with the provider's per-connection settings applied.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The parameter value for an id (SQLite stores text, PostgreSQL uuid).</summary>
    public abstract object Id(Guid id);

    /// <summary>True when the exception is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Serializes writers of one workspace's event sequence inside <paramref name="transaction"/>. SQLite needs
    /// nothing (its write transactions are exclusive); PostgreSQL takes a transaction-scoped advisory lock.</summary>
    public virtual Task LockWorkspaceAsync(DbConnection connection, DbTransaction transaction, Guid workspaceId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Begins the transaction that migrations run in, holding a lock that keeps other instances out.</summary>
    public abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);
}
