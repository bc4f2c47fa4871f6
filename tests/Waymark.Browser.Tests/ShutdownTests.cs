using System.Diagnostics;
using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>Stopping the server while a browser shows a live map, the alerts and the demo shop: it stops, promptly,
/// without an error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShutdownTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheServerStopsPromptly_WhileAMapIsLive()
    {
        var server = await WaymarkTestServer.StartAsync(seedDemo: true);
        var context = await fixture.Browser.NewContextAsync();
        try
        {
            using var api = await server.SignInAsync("demo@waymark.local", server.DemoPassword!);
            var workspaceId = await api.FirstWorkspaceAsync();
            var journeys = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys");
            var journeyId = journeys.AsArray().First(j => j!["name"]!.GetValue<string>() == "Online order to repeat purchase")!["id"]!.GetValue<string>();
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.GetByLabel("Email").FillAsync("demo@waymark.local");
            await page.GetByLabel("Password").FillAsync(server.DemoPassword!);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Journeys" }).WaitForAsync();
            await page.GotoAsync(new Uri(server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Live updates" })).ToContainTextAsync("● Live");

            var alerts = await context.NewPageAsync();
            await alerts.GotoAsync(new Uri(server.BaseAddress, $"/w/{workspaceId}/alerts").ToString());
            await alerts.GetByRole(AriaRole.Heading, new() { Name = "Alerts" }).WaitForAsync();
            var shop = await context.NewPageAsync();
            await shop.GotoAsync(new Uri(server.BaseAddress, "/demo/shop.html").ToString());

            var clock = Stopwatch.StartNew();
            await server.DisposeAsync();

            // Kestrel may wait for a connection Chromium opened ahead and never used, up to the host's shutdown
            // timeout (10 s); it must not take the framework's default 30 s, nor fail.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {clock.Elapsed}");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
