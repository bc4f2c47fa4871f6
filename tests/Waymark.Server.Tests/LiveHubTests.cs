using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>The live hub through a real SignalR client: only members may watch a journey, and watchers receive the
/// journey's new metrics after events are ingested, without asking.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WaymarkTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HubConnection> ConnectAsync(Session session, HttpTransportType transport = HttpTransportType.LongPolling)
    {
        var created = await session.PostAsync("/api/v1/auth/tokens", new { name = "hub" });
        await session.ExpectAsync(created, HttpStatusCode.Created);
        var token = (await Session.ReadAsync(created))["token"]!.GetValue<string>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_server.BaseAddress, "/hubs/live"), options =>
            {
                options.Transports = transport;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task Members_WatchAJourney_AndReceiveItsMetricsAfterIngestion_OthersMayNot()
    {
        using var owner = await _server.SignUpAsync();
        using var stranger = await _server.SignUpAsync();
        var workspace = await owner.FirstWorkspaceAsync();
        var journey = PlannedJourneys.Of("Shop", ("Purchase", ["cart_added", "order_completed"]));
        var document = new ByteArrayContent(Application.Journeys.Documents.JourneyDocumentFormat.Write(journey, []));
        document.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await owner.SendRawAsync(HttpMethod.Post, $"/api/v1/workspaces/{workspace}/journeys/import", document);
        await owner.ExpectAsync(imported, HttpStatusCode.Created);
        var journeyId = (await Session.ReadAsync(imported))["id"]!.GetValue<Guid>();
        var (ingest, _, _) = await IngestClient.CreateAsync(owner, _server.BaseAddress, workspace);
        using var _ = ingest;
        await ingest.BatchAsync(IngestClient.Track("w-0", "early", "cart_added", TimeProvider.System.GetUtcNow()));
        await owner.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys/{journeyId}/metrics"); // the index is loaded

        await using var watcher = await ConnectAsync(owner);
        await using var outsider = await ConnectAsync(stranger);
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaked = false;
        watcher.On<JsonElement>("metrics", message => pushed.TrySetResult(message));
        outsider.On<JsonElement>("metrics", _ => leaked = true);

        Assert.True(await watcher.InvokeAsync<bool>("WatchJourney", workspace, journeyId));
        Assert.False(await outsider.InvokeAsync<bool>("WatchJourney", workspace, journeyId));
        Assert.False(await watcher.InvokeAsync<bool>("WatchJourney", workspace, Guid.NewGuid()));
        await ingest.BatchAsync(string.Join(",", IngestClient.Track("w-1", "late", "cart_added", TimeProvider.System.GetUtcNow()), IngestClient.Track("w-2", "late", "order_completed", TimeProvider.System.GetUtcNow())));

        var message = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(journeyId, message.GetProperty("journeyId").GetGuid());
        Assert.Equal(3, message.GetProperty("eventCount").GetInt32());
        var all = message.GetProperty("metrics").GetProperty("segments")[0];
        Assert.Equal((2, 1), (all.GetProperty("entered").GetInt32(), all.GetProperty("completed").GetInt32()));
        Assert.False(leaked);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task TheServerStopsPromptly_WithLiveConnectionsOpen(HttpTransportType transport)
    {
        using var owner = await _server.SignUpAsync();
        var connection = await ConnectAsync(owner, transport);
        Assert.True(await connection.InvokeAsync<bool>("WatchWorkspace", await owner.FirstWorkspaceAsync()));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _server.DisposeAsync();
        _server = await WaymarkTestServer.StartAsync(); // for DisposeAsync

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
        await connection.DisposeAsync();
    }
}
