using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MapEditorTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CreateFromPurchaseTemplate_AddStageTouchpointCardAndEmotion_SurvivesAReload()
    {
        var page = await fixture.SignedInPageAsync();
        var name = $"Loyalty journey {Guid.NewGuid():N}"[..24];

        await page.GetByRole(AriaRole.Button, new() { Name = "New journey" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create journey" }).ClickAsync();
        await page.Locator(".map-grid").WaitForAsync();
        Assert.Equal(5, await page.Locator(".stage-header").CountAsync()); // the purchase template's stages

        await page.GetByRole(AriaRole.Button, new() { Name = "+ Stage" }).ClickAsync();
        var stage = page.GetByRole(AriaRole.Button, new() { Name = "Stage name: New stage. Press Enter to rename." });
        await stage.DblClickAsync();
        var stageInput = page.GetByRole(AriaRole.Textbox, new() { Name = "Stage name" });
        await stageInput.FillAsync("Loyalty");
        await stageInput.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Touchpoint" }).ClickAsync();
        await page.GetByText("New touchpoint").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a card to Customer actions at New touchpoint" }).ClickAsync();
        await page.GetByLabel("Card text").FillAsync("Joins the loyalty club at the till");
        await page.GetByLabel("Card text").PressAsync("Escape");
        await Saved(page);

        await page.Locator(".add-persona select").SelectOptionAsync(new SelectOptionValue { Label = "Maya, the busy parent" });
        var point = page.Locator("circle[role=slider][aria-label='Maya, the busy parent at New touchpoint']");
        await point.WaitForAsync();
        var box = (await point.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y - 80, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Saved(page);
        Assert.Equal("2", await point.GetAttributeAsync("aria-valuenow"));
        await BrowserFixture.ScreenshotAsync(page, "editor-after-edits");

        await page.ReloadAsync();
        await page.Locator(".map-grid").WaitForAsync();
        Assert.Equal(6, await page.Locator(".stage-header").CountAsync());
        await Assertions.Expect(page.Locator(".stage-header").Last).ToContainTextAsync("Loyalty");
        await Assertions.Expect(page.GetByText("Joins the loyalty club at the till")).ToBeVisibleAsync();
        Assert.Equal("2", await page.Locator("circle[role=slider][aria-label='Maya, the busy parent at New touchpoint']").GetAttributeAsync("aria-valuenow"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoPeopleEditTheSameCard_TheSecondSeesTheConflictAndLosesNothing()
    {
        var (workspaceId, journeyId, cardId) = await JourneyWithCardAsync("Original text");
        var alice = await fixture.SignedInPageAsync();
        var bob = await fixture.SignedInPageAsync();
        foreach (var page in new[] { alice, bob })
        {
            await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
            await page.GetByText("Original text").WaitForAsync();
        }

        await alice.GetByText("Original text").ClickAsync();
        await alice.GetByLabel("Card text").FillAsync("Alice's wording");
        await alice.GetByLabel("Card text").PressAsync("Escape");
        await Saved(alice);

        // Bob still has the old version open and edits the same card.
        await bob.GetByText("Original text").ClickAsync();
        await bob.GetByLabel("Card text").FillAsync("Bob's wording");
        await bob.GetByLabel("Card text").PressAsync("Escape");
        var conflict = bob.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(conflict).ToContainTextAsync("Someone else changed this journey");
        await Assertions.Expect(conflict).ToContainTextAsync("Bob's wording");
        await Assertions.Expect(conflict).ToContainTextAsync("Alice's wording");
        await BrowserFixture.ScreenshotAsync(bob, "editor-conflict");

        await bob.GetByRole(AriaRole.Button, new() { Name = "Apply my change on top" }).ClickAsync();
        await Saved(bob);
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var journey = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}");
        Assert.Equal("Bob's wording", journey["cards"]!.AsArray().Single(card => card!["id"]!.GetValue<string>() == cardId)!["text"]!.GetValue<string>());
        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task Reorder_TouchpointsByDragAndDrop_AndLanesByKeyboard_Persists()
    {
        var (workspaceId, journeyId, _) = await JourneyWithCardAsync("Anything");
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
        await page.Locator(".map-grid").WaitForAsync();
        var headers = page.Locator(".touchpoint-header .inline-text");
        Assert.Equal(["Sees an ad", "Hears from a friend"], (await headers.AllInnerTextsAsync()).Take(2));

        // Drag "Hears from a friend" onto "Sees an ad": it takes that place.
        await page.Locator(".touchpoint-header", new() { HasTextString = "Hears from a friend" }).DragToAsync(page.Locator(".touchpoint-header", new() { HasTextString = "Sees an ad" }));
        await Saved(page);
        Assert.Equal(["Hears from a friend", "Sees an ad"], (await headers.AllInnerTextsAsync()).Take(2));

        // Keyboard: focus the lane's "down" button and press Enter.
        var down = page.GetByRole(AriaRole.Button, new() { Name = "Move lane Customer actions down" });
        await down.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Saved(page);
        var lanes = page.Locator(".lane-label .inline-text");
        Assert.Equal(["Thoughts", "Customer actions"], (await lanes.AllInnerTextsAsync()).Take(2));

        await page.ReloadAsync();
        await page.Locator(".map-grid").WaitForAsync();
        Assert.Equal(["Hears from a friend", "Sees an ad"], (await headers.AllInnerTextsAsync()).Take(2));
        Assert.Equal(["Thoughts", "Customer actions"], (await lanes.AllInnerTextsAsync()).Take(2));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MoveCard_ByDragAndDrop_ToAnotherLaneAndTouchpoint_EvenOntoAnotherCard_Persists()
    {
        var (workspaceId, journeyId, cardId) = await JourneyWithCardAsync("Moves around");
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var at = $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";
        var journey = await api.GetJsonAsync(at);
        var actions = journey["lanes"]!.AsArray().First(l => l!["type"]!.GetValue<string>() == "actions")!["id"]!.GetValue<string>();
        var thoughts = journey["lanes"]!.AsArray().First(l => l!["type"]!.GetValue<string>() == "thoughts")!["id"]!.GetValue<string>();
        var second = journey["stages"]![0]!["touchpoints"]![1]!["id"]!.GetValue<string>();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());

        await page.Locator($"[data-card-id='{cardId}']").DragToAsync(page.Locator($"[data-cell='{thoughts}:{second}']"));
        await Saved(page);
        Assert.Equal((thoughts, second), await PlaceAsync());

        // Dropped onto another card, the card lands in the cell under the pointer.
        await api.PostAsync($"{at}/cards", new { laneId = actions, touchpointIds = new[] { second }, text = "Already here" }, (await api.GetJsonAsync(at))["version"]!.ToString());
        await page.ReloadAsync();
        await page.Locator($"[data-card-id='{cardId}']").DragToAsync(page.GetByText("Already here"));
        await Saved(page);
        Assert.Equal((actions, second), await PlaceAsync());
        await page.Context.CloseAsync();

        async Task<(string Lane, string Touchpoint)> PlaceAsync()
        {
            var card = (await api.GetJsonAsync(at))["cards"]!.AsArray().Single(candidate => candidate!["id"]!.GetValue<string>() == cardId)!;
            return (card["laneId"]!.GetValue<string>(), card["touchpointIds"]!.AsArray().Single()!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("<img src=x onerror=\"window.__xss = 1\">")]
    [InlineData("</text><script>window.__xss = 2</script>")]
    [InlineData("<svg onload=\"window.__xss = 3\"></svg>")]
    public async Task CardTextThatLooksLikeMarkup_ShowsAsTextAndRunsNothing(string payload)
    {
        var (workspaceId, journeyId, _) = await JourneyWithCardAsync(payload);
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());

        await Assertions.Expect(page.GetByText(payload, new() { Exact = true })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));

        // The exported SVG, opened as a document of its own in the browser: the payload is text, nothing runs.
        var svg = await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/render.svg").ToString());
        Assert.Equal("image/svg+xml; charset=utf-8", svg!.Headers["content-type"]);
        var texts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('text')].map(t => t.textContent)");
        Assert.Contains(texts, text => payload.StartsWith(text.TrimEnd('…'), StringComparison.Ordinal) && text.Length > 3);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script, img, foreignObject').length"));
        await page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        await page.Context.CloseAsync();
    }

    private static async Task Saved(IPage page) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("All changes saved", new() { Timeout = 10_000 });

    /// <summary>A journey from the purchase template with one card in the actions lane at its first touchpoint.</summary>
    private async Task<(Guid Workspace, string Journey, string Card)> JourneyWithCardAsync(string text)
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var created = await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys", new { name = $"Shared {Guid.NewGuid():N}"[..20], template = "purchase" });
        var journey = await Session.ReadAsync(created);
        var journeyId = journey["id"]!.GetValue<string>();
        var lane = journey["lanes"]!.AsArray().First(l => l!["type"]!.GetValue<string>() == "actions")!["id"]!.GetValue<string>();
        var touchpoint = journey["stages"]![0]!["touchpoints"]![0]!["id"]!.GetValue<string>();
        var withCard = await Session.ReadAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/cards", new { laneId = lane, touchpointIds = new[] { touchpoint }, text }));
        var cardId = withCard["cards"]!.AsArray().Single(card => card!["text"]!.GetValue<string>() == text)!["id"]!.GetValue<string>();
        return (workspaceId, journeyId, cardId);
    }
}
