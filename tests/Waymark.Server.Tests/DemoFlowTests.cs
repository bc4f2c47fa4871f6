using System.Net;
using System.Net.Http.Headers;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>The issue's done-check through the real HTTP API: health, OpenAPI, the demo account, export → validate → import → identical export.</summary>
public sealed class DemoFlowTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WaymarkTestServer.StartAsync(seedDemo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Healthz_WithStore_Answers200()
    {
        var response = await _server.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"store\":\"sqlite\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("object-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsTheJourneyEndpoints()
    {
        var text = await _server.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards/{cardId}/move", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/workspaces/{workspaceId}/journeys/import", text, StringComparison.Ordinal);
    }

    /// <summary>Out of the box the demo map is data-backed: generated events reach every mapped touchpoint, the
    /// answers land on their touchpoints, the saved segments compare, and the evidence ranks pain points.</summary>
    [Fact]
    public async Task DemoJourney_HasEvidence_OutOfTheBox()
    {
        using var demo = await _server.SignInAsync("demo@waymark.local", _server.DemoPassword!);
        var workspace = await demo.FirstWorkspaceAsync();
        var journeyId = (await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys"))[0]!["id"]!.GetValue<string>();
        var segments = (await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/segments")).AsArray();

        var metrics = await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys/{journeyId}/metrics?{string.Join('&', segments.Select(segment => $"segment={segment!["id"]}"))}");

        Assert.Equal(3, segments.Count);
        var all = metrics["segments"]![0]!;
        // Every generated customer is in the log; those who only saw an ad (not mapped: the map starts at the click) never entered.
        Assert.Equal(Application.Demo.DemoWorkspaceSeeder.Customers, all["customers"]!.GetValue<long>());
        Assert.InRange(all["entered"]!.GetValue<long>(), Application.Demo.DemoWorkspaceSeeder.Customers * 8 / 10, Application.Demo.DemoWorkspaceSeeder.Customers - 1);
        var touchpoints = all["touchpoints"]!.AsArray();
        var mapped = touchpoints.Where(touchpoint => touchpoint!["name"]!.GetValue<string>() != "Hears about the shop from a friend").ToList();
        Assert.All(mapped, touchpoint => Assert.True(touchpoint!["reached"]!.GetValue<long>() > 0, touchpoint["name"]!.GetValue<string>()));
        var account = touchpoints.Single(touchpoint => touchpoint!["name"]!.GetValue<string>() == "Creates an account at checkout")!;
        Assert.True(account["ces"]!["responses"]!.GetValue<long>() > 100);
        Assert.NotNull(account["emotion"]);
        Assert.True(touchpoints.Single(touchpoint => touchpoint!["name"]!.GetValue<string>() == "Receives the parcel")!["csat"]!["responses"]!.GetValue<long>() > 100);
        Assert.Equal(4, metrics["segments"]!.AsArray().Count);
        Assert.NotEmpty(metrics["painPoints"]!.AsArray());
    }

    [Fact]
    public async Task DemoJourney_ExportImportExport_IsIdentical()
    {
        using var demo = await _server.SignInAsync("demo@waymark.local", _server.DemoPassword!);
        var workspace = await demo.FirstWorkspaceAsync();
        var journeys = await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys");
        Assert.Equal("Online order to repeat purchase", journeys[0]!["name"]!.GetValue<string>());
        Assert.Equal(15, journeys[0]!["touchpoints"]!.GetValue<int>());
        var journeyId = journeys[0]!["id"]!.GetValue<string>();

        var exported = await demo.Client.GetByteArrayAsync($"/api/v1/workspaces/{workspace}/journeys/{journeyId}/document");
        using var content = new ByteArrayContent(exported);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var validated = await demo.SendRawAsync(HttpMethod.Post, "/api/v1/documents/validate", content);
        await demo.ExpectAsync(validated, HttpStatusCode.OK);
        using var importContent = new ByteArrayContent(exported);
        importContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await demo.SendRawAsync(HttpMethod.Post, $"/api/v1/workspaces/{workspace}/journeys/import", importContent);
        await demo.ExpectAsync(imported, HttpStatusCode.Created);
        var importedId = (await Session.ReadAsync(imported))["id"]!.GetValue<string>();
        var reexported = await demo.Client.GetByteArrayAsync($"/api/v1/workspaces/{workspace}/journeys/{importedId}/document");

        Assert.NotEqual(journeyId, importedId);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(exported), System.Text.Encoding.UTF8.GetString(reexported));
    }

    [Fact]
    public async Task DemoJourney_FillsEveryLane()
    {
        using var demo = await _server.SignInAsync("demo@waymark.local", _server.DemoPassword!);
        var workspace = await demo.FirstWorkspaceAsync();
        var id = (await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys"))[0]!["id"]!.GetValue<string>();
        var journey = await demo.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys/{id}");

        var laneIds = journey["lanes"]!.AsArray().Select(lane => lane!["id"]!.GetValue<string>()).ToList();
        var cardLanes = journey["cards"]!.AsArray().Select(card => card!["laneId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(10, laneIds.Count);
        Assert.All(laneIds, lane => Assert.Contains(lane, cardLanes));
        Assert.Equal(2, journey["personaIds"]!.AsArray().Count);
        Assert.Equal(5, journey["stages"]!.AsArray().Count);
    }
}
