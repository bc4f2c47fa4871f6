using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PainPointPanel_ChangesOwnerAndStatus_OnEveryCardThatShowsIt()
    {
        var (workspaceId, journeyId) = await DemoCopyAsync();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Forced account creation at checkout" }).First.ClickAsync();
        var panel = page.Locator(".side-panel");
        await panel.GetByLabel("Owner").FillAsync("Checkout squad");
        await panel.GetByLabel("Status").SelectOptionAsync("investigating");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("All changes saved");
        await Assertions.Expect(page.Locator(".card .linked-owner", new() { HasTextString = "Checkout squad" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "editor-pain-point-panel");

        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var journey = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}");
        var pain = journey["painPoints"]!.AsArray().Single(p => p!["title"]!.GetValue<string>() == "Forced account creation at checkout")!;
        Assert.Equal(("Checkout squad", "investigating"), (pain["owner"]!.GetValue<string>(), pain["status"]!.GetValue<string>()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpportunityMatrix_PlacesEveryOpportunityByValueAndEffort()
    {
        var (workspaceId, journeyId) = await DemoCopyAsync();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}/opportunities").ToString());

        var bubbles = page.Locator(".bubble");
        await Assertions.Expect(bubbles).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Guest checkout with optional account after payment: value 5, effort 2, 1 pain points" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "opportunity-matrix");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Personas_CreateOneWithGoalsAndSeeItInTheLibrary()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Personas" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New persona" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Priya, the store regular");
        await dialog.GetByLabel("Goals (one per line)").FillAsync("Try on before buying\nGet advice from staff");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save persona" }).ClickAsync();

        var card = page.Locator(".persona-card", new() { HasTextString = "Priya, the store regular" });
        await Assertions.Expect(card).ToContainTextAsync("Get advice from staff");
        await BrowserFixture.ScreenshotAsync(page, "personas");
        await page.Context.CloseAsync();
    }

    /// <summary>A copy of the demo journey, so each test edits its own.</summary>
    private async Task<(Guid Workspace, string Journey)> DemoCopyAsync()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var list = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys?search=Online order");
        var demoId = list.AsArray().First(j => j!["name"]!.GetValue<string>() == "Online order to repeat purchase")!["id"]!.GetValue<string>();
        var copy = await Session.ReadAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys/{demoId}/duplicate", new { name = $"Copy {Guid.NewGuid():N}"[..16] }));
        return (workspaceId, copy["id"]!.GetValue<string>());
    }
}
