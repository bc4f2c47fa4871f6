using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Sqlite;
using Waymark.Testing;

namespace Waymark.Storage.Tests;

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly TestDirectory _directory = new();

    protected override void AddStorage(IServiceCollection services) => services.AddSqliteStorage(_directory.Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
