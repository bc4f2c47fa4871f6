using System.Diagnostics;
using System.Net;
using Npgsql;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Storage that cannot take writes (a full disk, a read-only database) gives 503 with Retry-After — never a
/// 500, never a half-written batch — and ingestion recovers by itself once the storage does.</summary>
public sealed class IngestStorageFaultTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
    }

    [Fact]
    public async Task SqliteOnAFullDisk_Is503_ThenRecovers()
    {
        Assert.True(Environment.UserName == "root", "This test mounts a 4 MiB tmpfs to fill it, which needs root (./test.sh runs as root, as it installs packages).");
        using var directory = new TestDirectory();
        var mount = Path.Combine(directory.Path, "disk");
        Directory.CreateDirectory(mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount);
        try
        {
            await using (var server = await WaymarkTestServer.StartAsync(configure: options => options.DataDirectory = mount))
            {
                using var owner = await server.SignUpAsync();
                var workspace = await owner.FirstWorkspaceAsync();
                var (client, _, _) = await IngestClient.CreateAsync(owner, server.BaseAddress, workspace);
                using var _ = client;
                await owner.ExpectAsync(await client.BatchAsync(IngestClient.Track("before", "a", "Before", Time)), HttpStatusCode.OK);

                var filler = Path.Combine(mount, "filler");
                await FillAsync(filler);
                var full = await client.BatchAsync(string.Join(",", Enumerable.Range(0, 200).Select(i => IngestClient.Track($"full-{i}", "a", "During", Time.AddSeconds(i)))));
                await Session.ExpectProblemAsync(full, HttpStatusCode.ServiceUnavailable, "store.unavailable");
                Assert.NotNull(full.Headers.RetryAfter);

                File.Delete(filler);
                var after = await client.BatchAsync(IngestClient.Track("after", "a", "After", Time.AddMinutes(5)));
                await owner.ExpectAsync(after, HttpStatusCode.OK);
                var variants = await owner.GetJsonAsync($"/api/v1/workspaces/{workspace}/analytics/variants");
                Assert.Equal(["Before", "After"], variants["variants"]![0]!["activities"]!.AsArray().Select(item => item!.GetValue<string>()));
            }

            await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(mount, "waymark.db")}");
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await integrity.ExecuteScalarAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await RunAsync("umount", mount);
        }
    }

    private static async Task FillAsync(string path)
    {
        var chunk = new byte[64 * 1024];
        try
        {
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            while (true)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
            }
        }
        catch (IOException)
        {
            // The disk is full.
        }
    }

    [Fact]
    public async Task PostgreSqlReadOnly_Is503_ThenRecovers()
    {
        var connectionString = TestPostgres.CreateDatabase();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var server = await WaymarkTestServer.StartAsync(postgres: connectionString);
        using var owner = await server.SignUpAsync();
        var workspace = await owner.FirstWorkspaceAsync();
        var (client, _, _) = await IngestClient.CreateAsync(owner, server.BaseAddress, workspace);
        using var _ = client;
        await owner.ExpectAsync(await client.BatchAsync(IngestClient.Track("before", "a", "Before", Time)), HttpStatusCode.OK);

        await SetReadOnlyAsync(database, true);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                // The first attempt may meet a connection ended above; every attempt is refused either way.
                var refused = await client.BatchAsync(IngestClient.Track("during", "a", "During", Time.AddMinutes(1)));
                await Session.ExpectProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "store.unavailable");
                Assert.NotNull(refused.Headers.RetryAfter);
            }
        }
        finally
        {
            await SetReadOnlyAsync(database, false);
        }

        // As a tracking library would, retry: the first call may meet a pooled connection ended above (503 again).
        HttpResponseMessage after;
        var attempts = 0;
        do
        {
            after = await client.BatchAsync(IngestClient.Track("after", "a", "After", Time.AddMinutes(5)));
        }
        while (after.StatusCode == HttpStatusCode.ServiceUnavailable && ++attempts < 5);

        await owner.ExpectAsync(after, HttpStatusCode.OK);
        var variants = await owner.GetJsonAsync($"/api/v1/workspaces/{workspace}/analytics/variants");
        Assert.Equal(["Before", "After"], variants["variants"]![0]!["activities"]!.AsArray().Select(item => item!.GetValue<string>()));
    }

    private static async Task SetReadOnlyAsync(string database, bool readOnly)
    {
        await using var admin = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {database} SET default_transaction_read_only = {(readOnly ? "on" : "off")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        // Pooled sessions keep the settings they started with: end them, so the server's next connections read the new one.
        await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", admin);
        await terminate.ExecuteNonQueryAsync();
    }
}
