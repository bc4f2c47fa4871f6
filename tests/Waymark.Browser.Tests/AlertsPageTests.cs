using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The Alerts page: a follow-up rule made in the browser fires for a customer who gets stuck, the
/// notification is listed and counted in the navigation, and marking it read clears the count.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AFollowUpRuleMadeInThePage_FiresForAStuckCustomer_AndIsListed()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/alerts").ToString());
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New alert rule" });
        await form.GetByLabel("Name").FillAsync("Basket left behind");
        await form.GetByLabel("Journey").SelectOptionAsync(new SelectOptionValue { Label = "Online order to repeat purchase" });
        await form.GetByLabel("Reached", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Adds items to the basket" });
        await form.GetByLabel("Not reached").SelectOptionAsync(new SelectOptionValue { Label = "Pays for the order" });
        await form.GetByLabel("Within (hours)").FillAsync("0.0003");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Basket left behind" })).ToBeVisibleAsync();

        var (client, _, _) = await IngestClient.CreateAsync(api, fixture.Server.BaseAddress, workspaceId, "Alert test");
        using var _ = client;
        var response = await client.BatchAsync(IngestClient.Track($"stuck-{Guid.NewGuid():N}", "browser-stuck-customer", "cart_added", TimeProvider.System.GetUtcNow(), "web"));
        Assert.True(response.IsSuccessStatusCode);

        var item = page.Locator(".notifications li[data-type='follow-up.due']").Filter(new() { HasText = "browser-stuck-customer" });
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByLabel("unread notifications")).ToBeVisibleAsync(new() { Timeout = 35_000 });
        await BrowserFixture.ScreenshotAsync(page, "alerts");
        await item.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();
        await Assertions.Expect(item).ToHaveClassAsync("read");
    }
}
