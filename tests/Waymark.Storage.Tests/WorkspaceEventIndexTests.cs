using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Accounts;
using Waymark.Application.Events;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;
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

        // ... once the store has moved on, the snapshot is the base and only the events stored after it are read ...
        await store.AppendAsync(workspace.Id, Guid.NewGuid(), [new RecordedEvent("c", "b", 3000, null, null)], new Dictionary<string, IReadOnlyDictionary<string, string>>(), default);
        var extended = await new WorkspaceEventIndex(store, snapshots).GetAsync(workspace.Id);
        Assert.Equal(["c", "d"], extended.Customers);
        Assert.Equal(3, extended.EventCount);

        // ... and a snapshot ahead of the store (another database, a restored backup) is ignored and rewritten.
        await using (var output = File.Create(file))
        {
            EventLogSnapshot.Write(output, doctored, 99);
        }

        var reloaded = await new WorkspaceEventIndex(store, snapshots).GetAsync(workspace.Id);
        Assert.Equal(["c"], reloaded.Customers);
        Assert.Equal(2, reloaded.EventCount);
        await using (var input = File.OpenRead(file))
        {
            Assert.Equal(2, EventLogSnapshot.Read(input)!.Value.LastSequence);
        }

        await services.DisposeAsync();
    }

    [Fact]
    public async Task LiveAppends_ReachALoadedLog_OnceEach_AndAnIdentifyReloadsIt()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeClock()).AddSqliteStorage(_directory.Path).BuildServiceProvider();
        await services.GetRequiredService<IMigrator>().MigrateAsync(default);
        var workspace = new Workspace(WorkspaceId.New(), "W", default);
        await services.GetRequiredService<IAccountStore>().CreateUserAsync(new User { Id = UserId.New(), Email = "b@example.com", DisplayName = "B", PasswordHash = "x" }, workspace, default);
        var tracking = services.GetRequiredService<ITrackingStore>();
        var index = new WorkspaceEventIndex(services.GetRequiredService<IEventStore>(), Path.Combine(_directory.Path, "snapshots"));
        static TrackingBatch Batch(string messages) =>
            TrackingBatchReader.Read(System.Text.Encoding.UTF8.GetBytes($"{{\"batch\":[{messages}]}}"), TrackingKind.Events, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)).Value;

        var unloaded = (await tracking.CommitAsync([(workspace.Id, Batch("{\"type\":\"track\",\"messageId\":\"1\",\"userId\":\"u\",\"event\":\"A\"}"))], default)).Single();
        index.Append(workspace.Id, unloaded); // not loaded yet: nothing is queued, the load reads it
        Assert.Equal(1, (await index.GetAsync(workspace.Id)).EventCount);
        var live = (await tracking.CommitAsync([(workspace.Id, Batch("{\"type\":\"track\",\"messageId\":\"2\",\"anonymousId\":\"x\",\"event\":\"B\"}"))], default)).Single();
        index.Append(workspace.Id, live);
        index.Append(workspace.Id, unloaded); // a commit the load already read is not added twice

        Assert.Equal([workspace.Id], await index.ApplyPendingAsync());
        var log = await index.GetAsync(workspace.Id);
        Assert.Equal((2, 2), (log.EventCount, log.CustomerCount));

        var identify = (await tracking.CommitAsync([(workspace.Id, Batch("{\"type\":\"identify\",\"userId\":\"u\",\"anonymousId\":\"x\"}"))], default)).Single();
        index.Append(workspace.Id, identify);
        var relinked = await index.GetAsync(workspace.Id);
        Assert.Equal((2, 1), (relinked.EventCount, relinked.CustomerCount));
        await services.DisposeAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
