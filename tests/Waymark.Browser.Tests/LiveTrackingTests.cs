using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>Live tracking in the browser: a write key made on the Tracking page, the demo shop sending events with it,
/// and the open map's numbers moving without a reload; a failed message edited and replayed.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveTrackingTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"([\d,]+) customers entered")]
    private static partial Regex Entered();

    [Fact]
    public async Task DemoShopEvents_MoveTheNumbersOnAnOpenMap_WithoutAReload()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var journeys = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys?search=Online order");
        var journeyId = journeys.AsArray().First(j => j!["name"]!.GetValue<string>() == "Online order to repeat purchase")!["id"]!.GetValue<string>();
        var journeyPath = $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";

        // A write key, made on the Tracking page and shown once.
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/tracking").ToString());
        await page.GetByLabel("Name").FillAsync("Demo shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await page.GetByLabel("New write key").TextContentAsync();
        Assert.StartsWith("wmw_", key, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = key![..10] + "…" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "tracking-write-key");

        // The map, with evidence on and live.
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Live updates" })).ToContainTextAsync("● Live");
        var before = (await api.GetJsonAsync($"{journeyPath}/metrics"))["segments"]![0]!;
        var summary = page.Locator(".evidence-bar span.muted");
        await Assertions.Expect(summary).ToContainTextAsync($"{before["entered"]!.GetValue<long>().ToString("#,0", CultureInfo.InvariantCulture)} customers entered");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        // Three new customers walk into the journey in the demo shop.
        var shop = await page.Context.NewPageAsync();
        await shop.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/demo/shop.html#key={key}").ToString());
        for (var customer = 0; customer < 3; customer++)
        {
            await shop.GetByRole(AriaRole.Button, new() { Name = "Be a new customer" }).ClickAsync();
            await shop.GetByRole(AriaRole.Button, new() { Name = "Click the spring ad" }).ClickAsync();
            await shop.GetByRole(AriaRole.Button, new() { Name = "View a jacket" }).ClickAsync();
            await shop.GetByRole(AriaRole.Button, new() { Name = "Add to basket" }).ClickAsync();
            await shop.WaitForTimeoutAsync(300); // the tracker sends what it queued every 200 ms
        }

        await Assertions.Expect(shop.Locator("#log li[data-status='200']").First).ToBeVisibleAsync();
        await Assertions.Expect(shop.Locator("#log li:not([data-status='200'])")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(shop, "demo-shop");

        // The open map shows the API's new numbers, pushed: no reload happened.
        var entered = before["entered"]!.GetValue<long>() + 3;
        await Assertions.Expect(summary).ToContainTextAsync($"{entered.ToString("#,0", CultureInfo.InvariantCulture)} customers entered", new() { Timeout = 10_000 });
        var after = (await api.GetJsonAsync($"{journeyPath}/metrics"))["segments"]![0]!;
        Assert.Equal(entered, after["entered"]!.GetValue<long>());
        var browse = after["touchpoints"]!.AsArray().First(tp => tp!["name"]!.GetValue<string>() == "Browses the product catalogue")!;
        await Assertions.Expect(page.Locator($".evidence-strip[data-touchpoint='{browse["key"]}'] .evidence-value"))
            .ToHaveTextAsync((browse["reachedShare"]!.GetValue<double>() * 100).ToString("F1", CultureInfo.InvariantCulture) + "%");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Live updates" })).ToContainTextAsync("updated");
        await BrowserFixture.ScreenshotAsync(page, "map-live");
        Assert.Matches(Entered(), await summary.TextContentAsync() ?? "");
    }

    [Fact]
    public async Task AFailedMessage_IsShown_EditedAndReplayed()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var (client, _, _) = await IngestClient.CreateAsync(api, fixture.Server.BaseAddress, workspaceId, "Broken sender");
        using var _ = client;
        var sent = await client.BatchAsync("{\"type\":\"track\",\"messageId\":\"broken-1\",\"event\":\"cart_added\",\"properties\":{\"note\":\"<img src=x onerror=alert(1)>\"}}");
        Assert.True(sent.IsSuccessStatusCode);

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/tracking").ToString());
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "broken-1" });
        await Assertions.Expect(row).ToContainTextAsync("message.missing-customer");
        await Assertions.Expect(row).ToContainTextAsync("<img src=x onerror=alert(1)>"); // shown as text
        await Assertions.Expect(page.Locator("img[src='x']")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var editor = row.GetByLabel("Edited message");
        var text = await editor.InputValueAsync();
        await editor.FillAsync(text.Replace("\"event\"", "\"userId\":\"fixed-customer\",\"event\"", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "tracking-failed-edit");
        await row.GetByRole(AriaRole.Button, new() { Name = "Replay edited" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Replayed" })).ToContainTextAsync("1 stored");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "broken-1" })).ToContainTextAsync("replayed");
    }
}
