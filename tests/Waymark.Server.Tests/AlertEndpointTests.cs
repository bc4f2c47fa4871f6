using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Waymark.Application.Alerts;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Alerts and follow-ups through the real server: rules evaluated against ingested events, notifications,
/// signed webhooks with retries and a dead letter, exactly once per occurrence across a restart.</summary>
public sealed class AlertEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _data = new();
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private Guid _workspace;
    private IngestClient _ingest = null!;
    private string _journeyId = null!;
    private Dictionary<string, string> _touchpoints = null!;

    private static void Fast(Waymark.Server.Hosting.WaymarkServerOptions options, string data)
    {
        options.DataDirectory = data;
        options.AlertEvaluationInterval = TimeSpan.FromMilliseconds(200);
        options.WebhookDispatchInterval = TimeSpan.FromMilliseconds(100);
        options.WebhookRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)];
    }

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync(configure: options => Fast(options, _data.Path));
        _owner = await _server.SignUpAsync("owner@example.com");
        _workspace = await _owner.FirstWorkspaceAsync();
        (_ingest, _, _) = await IngestClient.CreateAsync(_owner, _server.BaseAddress, _workspace);
        var journey = PlannedJourneys.Of("Shop", ("Browse", ["product_viewed"]), ("Purchase", ["cart_added", "order_completed"]));
        var document = new ByteArrayContent(Application.Journeys.Documents.JourneyDocumentFormat.Write(journey, []));
        document.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await _owner.SendRawAsync(HttpMethod.Post, $"{Workspace}/journeys/import", document);
        await _owner.ExpectAsync(imported, HttpStatusCode.Created);
        var created = await Session.ReadAsync(imported);
        _journeyId = created["id"]!.GetValue<string>();
        _touchpoints = created["stages"]!.AsArray().SelectMany(stage => stage!["touchpoints"]!.AsArray()).ToDictionary(tp => tp!["name"]!.GetValue<string>(), tp => tp!["id"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        _ingest.Dispose();
        _owner.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _data.Dispose();

    private string Workspace => $"/api/v1/workspaces/{_workspace}";

    private async Task<(string Id, string Secret)> EndpointAsync(WebhookReceiver receiver, string name = "CRM")
    {
        var response = await _owner.PostAsync($"{Workspace}/webhooks", new { name, url = receiver.Url.ToString() });
        await _owner.ExpectAsync(response, HttpStatusCode.Created);
        var json = await Session.ReadAsync(response);
        return (json["endpoint"]!["id"]!.GetValue<string>(), json["secret"]!.GetValue<string>());
    }

    private async Task<JsonNode> RuleAsync(object rule)
    {
        var response = await _owner.PostAsync($"{Workspace}/alert-rules", rule);
        await _owner.ExpectAsync(response, HttpStatusCode.Created);
        return await Session.ReadAsync(response);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"Still waiting for {what} after 15 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task FollowUp_FiresOncePerStuckCustomer_SignedWithContext_AndNotAgainAfterARestart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (endpointId, secret) = await EndpointAsync(receiver);
        var now = TimeProvider.System.GetUtcNow();
        await _ingest.BatchAsync(IngestClient.Track("old-1", "before-the-rule", "cart_added", now.AddHours(-1)));
        await RuleAsync(new { journeyId = _journeyId, name = "Basket left", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["order_completed"], within = "PT1S", webhookIds = new[] { endpointId } });

        var now2 = TimeProvider.System.GetUtcNow();
        await _ingest.BatchAsync(string.Join(",",
            IngestClient.Track("s-1", "stuck", "product_viewed", now2, "web"), IngestClient.Track("s-2", "stuck", "cart_added", now2.AddMilliseconds(10), "web"),
            IngestClient.Track("s-3", "stuck", "cart_added", now2.AddMilliseconds(20), "web"),
            IngestClient.Track("p-1", "paid", "cart_added", now2, "app"), IngestClient.Track("p-2", "paid", "order_completed", now2.AddMilliseconds(300), "app")));

        await WaitUntilAsync(() => Task.FromResult(!receiver.Requests.IsEmpty), "the follow-up webhook");
        await Task.Delay(1500); // several more evaluations: nothing fires twice
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(WebhookDispatcher.Sign(secret, request.Id, long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), request.Body), request.Signature);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("follow-up.due", body["type"]!.GetValue<string>());
        Assert.Equal("stuck", body["data"]!["customer"]!["id"]!.GetValue<string>());
        Assert.Equal(_journeyId, body["data"]!["journey"]!["id"]!.GetValue<string>());
        Assert.Equal("cart_added", body["data"]!["reached"]!["name"]!.GetValue<string>());
        Assert.Equal(["product_viewed", "cart_added", "cart_added"], body["data"]!["recentEvents"]!.AsArray().Select(item => item!["event"]!.GetValue<string>()));
        var notifications = (await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray();
        Assert.Equal(request.Id, Assert.Single(notifications)!["id"]!.GetValue<string>());

        // A restart on the same data: the rule is evaluated again from the store, and the occurrence does not fire again.
        await _server.DisposeAsync();
        _server = await WaymarkTestServer.StartAsync(configure: options => Fast(options, _data.Path));
        using var again = await _server.SignInAsync("owner@example.com", "correct horse battery staple");
        await Task.Delay(1500);
        Assert.Single(receiver.Requests);
        Assert.Single((await again.GetJsonAsync($"{Workspace}/notifications")).AsArray());
        var delivery = Assert.Single((await again.GetJsonAsync($"{Workspace}/webhooks/{endpointId}/deliveries")).AsArray())!;
        Assert.Equal(("delivered", 1), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Webhooks_AreRetried_LoggedPerAttempt_AndDeadLetteredAfterTheLast_ThenRetriedByHand()
    {
        await using var flaky = await WebhookReceiver.StartAsync();
        await using var down = await WebhookReceiver.StartAsync();
        flaky.FailFirst = 2;
        down.FailAlways = true;
        var (flakyId, _) = await EndpointAsync(flaky, "Flaky");
        var (downId, _) = await EndpointAsync(down, "Down");
        await RuleAsync(new { journeyId = _journeyId, name = "Basket left", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["order_completed"], within = "PT1S", webhookIds = new[] { flakyId, downId } });
        await _ingest.BatchAsync(IngestClient.Track("c-1", "carl", "cart_added", TimeProvider.System.GetUtcNow()));

        async Task<JsonNode> DeliveryAsync(string endpoint) => (await _owner.GetJsonAsync($"{Workspace}/webhooks/{endpoint}/deliveries")).AsArray().SingleOrDefault() ?? new JsonObject();
        await WaitUntilAsync(async () => (await DeliveryAsync(flakyId))["status"]?.GetValue<string>() == "delivered", "the flaky endpoint's delivery");
        await WaitUntilAsync(async () => (await DeliveryAsync(downId))["status"]?.GetValue<string>() == "dead", "the down endpoint's dead letter");

        var delivered = await DeliveryAsync(flakyId);
        Assert.Equal([500, 500, 204], delivered["log"]!.AsArray().Select(attempt => attempt!["statusCode"]!.GetValue<int>()));
        Assert.Equal(3, flaky.Requests.Select(request => request.Id).Distinct().Count() == 1 ? flaky.Requests.Count : -1); // one webhook-id on every attempt
        var dead = await DeliveryAsync(downId);
        Assert.Equal(3, dead["attempts"]!.GetValue<int>());

        down.FailAlways = false;
        await _owner.ExpectAsync(await _owner.PostAsync($"{Workspace}/webhooks/deliveries/{dead["id"]}/retry", null), HttpStatusCode.NoContent);
        await WaitUntilAsync(async () => (await DeliveryAsync(downId))["status"]?.GetValue<string>() == "delivered", "the retried delivery");
        await Session.ExpectProblemAsync(await _owner.PostAsync($"{Workspace}/webhooks/deliveries/{dead["id"]}/retry", null), HttpStatusCode.NotFound, "webhook-delivery.not-found");
    }

    [Fact]
    public async Task Threshold_FiresWhenDropOffCrosses_AndResolvesOnce()
    {
        await RuleAsync(new { journeyId = _journeyId, name = "Basket drop-off", kind = "Threshold", touchpoint = _touchpoints["cart_added"], metric = "DropOff", comparison = "Above", threshold = 50.0, window = "P1D", minimumCustomers = 2 });
        var now = TimeProvider.System.GetUtcNow();
        var customers = new[] { "a", "b", "c", "d" };
        await _ingest.BatchAsync(string.Join(",", customers.Select((customer, i) => IngestClient.Track($"cart-{customer}", customer, "cart_added", now.AddSeconds(-60 + i))).Append(IngestClient.Track("paid-d", "d", "order_completed", now))));

        await WaitUntilAsync(async () => (await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray().Count == 1, "the threshold alert");
        var alert = (await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray().Single()!;
        Assert.Equal("alert.threshold", alert["type"]!.GetValue<string>());
        Assert.Equal(75, alert["data"]!["value"]!.GetValue<double>());

        await _ingest.BatchAsync(string.Join(",", customers.Take(3).Select(customer => IngestClient.Track($"paid-{customer}", customer, "order_completed", now.AddSeconds(1)))));
        await WaitUntilAsync(async () => (await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray().Count == 2, "the resolution");
        await Task.Delay(1000);
        var all = (await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray();
        Assert.Equal(["alert.resolved", "alert.threshold"], all.Select(item => item!["type"]!.GetValue<string>()));
        await _owner.ExpectAsync(await _owner.PostAsync($"{Workspace}/notifications/{alert["id"]}/read", null), HttpStatusCode.NoContent);
        Assert.NotNull((await _owner.GetJsonAsync($"{Workspace}/notifications")).AsArray().Single(item => item!["id"]!.GetValue<string>() == alert["id"]!.GetValue<string>())!["readAt"]);
    }

    [Fact]
    public async Task BadRulesAndEndpoints_AreRefused_AndRolesAndWorkspacesAreChecked()
    {
        var unknown = await _owner.PostAsync($"{Workspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "FollowUp", from = Guid.NewGuid(), to = _touchpoints["order_completed"], within = "PT1H" });
        var same = await _owner.PostAsync($"{Workspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["cart_added"], within = "PT1H" });
        var noThreshold = await _owner.PostAsync($"{Workspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "Threshold", touchpoint = _touchpoints["cart_added"], metric = "DropOff" });
        var foreignHook = await _owner.PostAsync($"{Workspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["order_completed"], within = "PT1H", webhookIds = new[] { Guid.NewGuid() } });
        var ftp = await _owner.PostAsync($"{Workspace}/webhooks", new { name = "x", url = "ftp://example.com/hook" });
        var credentials = await _owner.PostAsync($"{Workspace}/webhooks", new { name = "x", url = "https://user:pass@example.com/hook" });

        foreach (var response in new[] { unknown, same, noThreshold, foreignHook, ftp, credentials })
        {
            await Session.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        }

        using var other = await _server.SignUpAsync();
        await Session.ExpectProblemAsync(await other.GetAsync($"{Workspace}/alert-rules"), HttpStatusCode.NotFound, "workspace.not-found");
        await Session.ExpectProblemAsync(await other.GetAsync($"{Workspace}/notifications"), HttpStatusCode.NotFound, "workspace.not-found");
        var otherWorkspace = await other.FirstWorkspaceAsync();
        await Session.ExpectProblemAsync(await other.PostAsync($"/api/v1/workspaces/{otherWorkspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["order_completed"], within = "PT1H" }),
            HttpStatusCode.NotFound, "journey.not-found");
        await _owner.ExpectAsync(await _owner.PostAsync($"{Workspace}/members", new { email = "viewer@example.com", role = "viewer" }), HttpStatusCode.Accepted);
        using var viewer = await _server.SignUpAsync("viewer@example.com");
        await Session.ExpectProblemAsync(await viewer.PostAsync($"{Workspace}/alert-rules", new { journeyId = _journeyId, name = "x", kind = "FollowUp", from = _touchpoints["cart_added"], to = _touchpoints["order_completed"], within = "PT1H" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Session.ExpectProblemAsync(await viewer.PostAsync($"{Workspace}/webhooks", new { name = "x", url = "https://example.com" }), HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
