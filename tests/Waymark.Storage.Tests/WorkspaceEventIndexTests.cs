using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Accounts;
using Waymark.Application.Events;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Domain.Ids;
using Waymark.Storage.Sqlite;
using Waymark.Testing;

namespace Waymark.Storage.Tests;

/// <summary>The index reads a snapshot only while it holds exactly the stored events.</summary>
public sealed class WorkspaceEventIndexTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task Load_UsesCurrentSnapshot_AndIgnoresAStaleOne()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeClock()).AddSqliteStorage(_directory.Path).BuildServiceProvider();
        await services.GetRequiredService<IMigrator>().MigrateAsync(default);
        var user = new User { Id = UserId.New(), Email = "a@example.com", DisplayName = "A", PasswordHash = "x" };
        var workspace = new Workspace(WorkspaceId.New(), "W", default);
        await services.GetRequiredService<IAccountStore>().CreateUserAsync(user, workspace, default);
        var store = services.GetRequiredService<IEventStore>();
        var snapshots = Path.Combine(_directory.Path, "snapshots");
        await store.AppendAsync(workspace.Id, Guid.NewGuid(), [new RecordedEvent("c", "a", 1000, null, null)], new Dictionary<string, IReadOnlyDictionary<string, string>>(), default);

        Assert.Equal(1, (await new WorkspaceEventIndex(store, snapshots).GetAsync(workspace.Id)).EventCount);
        var file = Directory.GetFiles(snapshots).Single();

        // A snapshot that claims the current sequence is trusted (this one is doctored to prove it is read) ...
        var doctored = Analytics.EventLogs.EventLog.FromColumns(["c", "d"], ["a"], [], [0, 1, 2], [0, 0], [-1, -1], [1000, 2000], [null, null]);
        await using (var output = File.Create(file))
        {
            EventLogSnapshot.Write(output, doctored, 1);
        }

        Assert.Equal(2, (await new WorkspaceEventIndex(store, snapshots).GetAsync(workspace.Id)).EventCount);

        // ... and once the store has moved on, it is ignored and rewritten.
        await store.AppendAsync(workspace.Id, Guid.NewGuid(), [new RecordedEvent("c", "b", 3000, null, null)], new Dictionary<string, IReadOnlyDictionary<string, string>>(), default);
        var reloaded = await new WorkspaceEventIndex(store, snapshots).GetAsync(workspace.Id);
        Assert.Equal(["c"], reloaded.Customers);
        Assert.Equal(2, reloaded.EventCount);
        await services.DisposeAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
