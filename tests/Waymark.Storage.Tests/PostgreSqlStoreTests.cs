using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.PostgreSql;
using Waymark.Testing;

namespace Waymark.Storage.Tests;

/// <summary>The contract on a real PostgreSQL 15 server (./test.sh starts it); a missing server fails these tests.</summary>
public sealed class PostgreSqlStoreTests : StoreContract
{
    protected override void AddStorage(IServiceCollection services) => services.AddPostgreSqlStorage(TestPostgres.CreateDatabase());
}
