using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The evidence layer of the editor on the demo's data-backed map: the heat map and the segment overlay
/// show the numbers the API returns, and a pain point candidate is promoted into a linked pain point.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceMapTests(BrowserFixture fixture)
{
    private static string Percent(JsonNode? share) => share is null ? "–" : (share.GetValue<double>() * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>What a touchpoint's strip shows for reach: its share, or "no events" where nothing maps to it.</summary>
    private static string Reach(JsonNode touchpoint) => touchpoint["events"]!.GetValue<long>() == 0 ? "no events" : Percent(touchpoint["reachedShare"]);

    [Fact]
    public async Task HeatMapAndSegmentOverlay_ShowTheApisNumbers_AndACandidateIsPromoted()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var journeys = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys?search=Online order");
        var journeyId = journeys.AsArray().First(j => j!["name"]!.GetValue<string>() == "Online order to repeat purchase")!["id"]!.GetValue<string>();
        var journeyPath = $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";
        var saved = (await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/segments")).AsArray();
        string IdOf(string name) => saved.First(s => s!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        var all = (await api.GetJsonAsync($"{journeyPath}/metrics"))["segments"]![0]!["touchpoints"]!.AsArray();
        var overlay = (await api.GetJsonAsync($"{journeyPath}/metrics?segment={IdOf("Desktop")}&segment={IdOf("Mobile-first")}"))["segments"]!.AsArray();
        var desktop = overlay[1]!["touchpoints"]!.AsArray();

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".evidence-strip")).ToHaveCountAsync(all.Count);
        foreach (var touchpoint in all)
        {
            await Assertions.Expect(page.Locator($".evidence-strip[data-touchpoint='{touchpoint!["key"]}'] .evidence-value")).ToHaveTextAsync(Reach(touchpoint));
        }

        await BrowserFixture.ScreenshotAsync(page, "evidence-reach");
        await page.GetByLabel("Heat map metric").SelectOptionAsync("csat");
        var parcel = all.First(tp => tp!["name"]!.GetValue<string>() == "Receives the parcel")!;
        await Assertions.Expect(page.Locator($".evidence-strip[data-touchpoint='{parcel["key"]}'] .evidence-value"))
            .ToHaveTextAsync(parcel["csat"]!["score"]!.GetValue<double>().ToString("F0", CultureInfo.InvariantCulture) + "%");

        // The segment overlay: two segments compared; the strips show the Desktop segment's numbers, the emotion
        // lane a curve from the answers per entry, the panel all three side by side.
        await page.GetByLabel("Heat map metric").SelectOptionAsync("reach");
        await page.GetByText("Segments (0)").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Desktop" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Mobile-first" }).CheckAsync();
        await page.GetByText("Segments (2)").ClickAsync();
        await page.GetByLabel("Heat for").SelectOptionAsync(new SelectOptionValue { Label = "Desktop" });
        foreach (var touchpoint in desktop)
        {
            await Assertions.Expect(page.Locator($".evidence-strip[data-touchpoint='{touchpoint!["key"]}'] .evidence-value")).ToHaveTextAsync(Reach(touchpoint));
        }

        var account = desktop.First(tp => tp!["name"]!.GetValue<string>() == "Creates an account at checkout")!;
        await Assertions.Expect(page.Locator(".evidence-curve")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator($".evidence-curve[data-segment='Desktop'] rect[data-touchpoint='{account["key"]}']"))
            .ToHaveAttributeAsync("data-emotion", account["emotion"]!.GetValue<double>().ToString("F2", CultureInfo.InvariantCulture));
        await page.Locator($".evidence-strip[data-touchpoint='{account["key"]}']").ClickAsync();
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Touchpoint evidence" });
        await Assertions.Expect(panel.GetByRole(AriaRole.Columnheader, new() { Name = "Desktop" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Columnheader, new() { Name = "Mobile-first" })).ToBeVisibleAsync();
        var reachedRow = panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reached" }).First;
        await Assertions.Expect(reachedRow).ToContainTextAsync($"{account["reached"]!.GetValue<long>().ToString("#,0", CultureInfo.InvariantCulture)} ({Percent(account["reachedShare"])})");
        await BrowserFixture.ScreenshotAsync(page, "evidence-segment-panel");

        // Promote the first candidate the panel offers, if the evidence found one here; else any touchpoint's.
        var candidates = (await api.GetJsonAsync($"{journeyPath}/metrics"))["painPoints"]!.AsArray();
        var candidate = candidates.First()!;
        await page.GetByLabel("Heat for").SelectOptionAsync(new SelectOptionValue { Label = "All customers" });
        await page.Locator($".evidence-strip[data-touchpoint='{candidate["touchpoint"]}']").ClickAsync();
        var before = (await api.GetJsonAsync(journeyPath))["painPoints"]!.AsArray().Count;
        await panel.GetByLabel("Owner").FillAsync("Identity team");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Promote to pain point" }).First.ClickAsync();
        for (var attempt = 0; attempt < 50 && (await api.GetJsonAsync(journeyPath))["painPoints"]!.AsArray().Count == before; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(before + 1, (await api.GetJsonAsync(journeyPath))["painPoints"]!.AsArray().Count);
        var promoted = (await api.GetJsonAsync(journeyPath))["painPoints"]!.AsArray().Last()!;
        Assert.Equal(candidate["touchpoint"]!.GetValue<string>(), promoted["touchpointIds"]![0]!.GetValue<string>());
        Assert.Contains("From the evidence", promoted["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Identity team", promoted["owner"]!.GetValue<string>());

        // Planned versus actual: the journey's conformance and its most common deviating paths, as the API has them.
        var conformance = (await api.GetJsonAsync($"{journeyPath}/metrics"))["segments"]![0]!["conformance"]!;
        await page.GetByRole(AriaRole.Button, new() { Name = "Planned vs actual" }).ClickAsync();
        var conformancePanel = page.GetByRole(AriaRole.Complementary, new() { Name = "Conformance" });
        await Assertions.Expect(conformancePanel.GetByRole(AriaRole.Row).Filter(new() { HasText = "As planned" }))
            .ToContainTextAsync($"{conformance["conformant"]!.GetValue<long>().ToString("#,0", CultureInfo.InvariantCulture)} ({Percent(conformance["conformantShare"])})");
        var paths = conformance["paths"]!.AsArray();
        await Assertions.Expect(conformancePanel.Locator(".deviating-paths li")).ToHaveCountAsync(paths.Count);
        await Assertions.Expect(conformancePanel.Locator(".deviating-paths li").First).ToHaveAttributeAsync("data-count", paths[0]!["count"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "evidence-conformance");

        // Compare periods: after 15 February against before it, in percentage points of reach.
        var after = (await api.GetJsonAsync($"{journeyPath}/metrics?from=2026-02-15T00:00:00Z"))["segments"]![0]!["touchpoints"]!.AsArray();
        var earlier = (await api.GetJsonAsync($"{journeyPath}/metrics?to=2026-02-15T00:00:00Z"))["segments"]![0]!["touchpoints"]!.AsArray();
        await page.GetByLabel("Compare periods at").FillAsync("2026-02-15");
        var browse = after.First(tp => tp!["name"]!.GetValue<string>() == "Browses the product catalogue")!;
        // As the browser computes it: each share in percent, then the difference.
        var change = (browse["reachedShare"]!.GetValue<double>() * 100) - (earlier.First(tp => tp!["key"]!.GetValue<string>() == browse["key"]!.GetValue<string>())!["reachedShare"]!.GetValue<double>() * 100);
        var strip = page.Locator($".evidence-strip[data-touchpoint='{browse["key"]}']");
        await Assertions.Expect(strip.Locator(".evidence-value")).ToHaveTextAsync(Percent(browse["reachedShare"]));
        await Assertions.Expect(strip.Locator(".evidence-delta")).ToHaveTextAsync($" ({(change >= 0 ? "+" : "−")}{Math.Abs(change).ToString("F1", CultureInfo.InvariantCulture)} since)");
    }

    [Fact]
    public async Task MappingView_ShowsCoverage_AndMapsUnmatchedEventsToTouchpoints()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var created = await Session.ReadAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys/{(await DemoJourneyIdAsync(api, workspaceId))}/duplicate", new { name = "Mapping exercise" }));
        var journeyId = created["id"]!.GetValue<string>();
        var journeyPath = $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";
        var coverage = await api.GetJsonAsync($"{journeyPath}/mapping?top=30");
        var first = coverage["unmatched"]![0]!["event"]!.GetValue<string>();
        var second = coverage["unmatched"]![1]!["event"]!.GetValue<string>();

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Event mapping" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Event mapping" });
        await Assertions.Expect(panel.Locator("[data-field=coverage] strong")).ToHaveTextAsync(Percent(coverage["share"]));
        await BrowserFixture.ScreenshotAsync(page, "evidence-mapping");

        await panel.GetByLabel(new System.Text.RegularExpressions.Regex($"^Map {first}( on |$)")).First.SelectOptionAsync(new SelectOptionValue { Label = "Sees a seasonal ad on Instagram" });
        await Assertions.Expect(panel.Locator($"tr[data-event='{first}']")).ToHaveCountAsync(0);
        await panel.GetByLabel(new System.Text.RegularExpressions.Regex($"^Map {second}( on |$)")).First.SelectOptionAsync(new SelectOptionValue { Label = "+ New touchpoint in Consideration" });
        await Assertions.Expect(panel.Locator($"tr[data-event='{second}']")).ToHaveCountAsync(0);

        var journey = await api.GetJsonAsync(journeyPath);
        var touchpoints = journey["stages"]!.AsArray().SelectMany(stage => stage!["touchpoints"]!.AsArray()).ToList();
        var ad = touchpoints.Single(tp => tp!["name"]!.GetValue<string>() == "Sees a seasonal ad on Instagram")!;
        Assert.Contains(ad["eventMatchers"]!.AsArray(), matcher => matcher!["eventName"]!.GetValue<string>() == first);
        var added = touchpoints.Single(tp => tp!["eventMatchers"]!.AsArray().Any(matcher => matcher!["eventName"]!.GetValue<string>() == second))!;
        Assert.Equal(second.Replace('_', ' '), added["name"]!.GetValue<string>());
        var after = await api.GetJsonAsync($"{journeyPath}/mapping?top=30");
        Assert.True(after["mapped"]!.GetValue<long>() > coverage["mapped"]!.GetValue<long>());
        await Assertions.Expect(panel.Locator("[data-field=coverage] strong")).ToHaveTextAsync(Percent(after["share"]));
    }

    [Fact]
    public async Task ActualJourney_OfOneCustomer_ShowsEachStepsComplianceAsTheApi()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var journeyId = await DemoJourneyIdAsync(api, workspaceId);
        var expected = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/actual?customer=c0000007");

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "A customer's journey" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Actual journey" });
        await panel.GetByLabel("Customer id").FillAsync("c0000007");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var steps = expected["steps"]!.AsArray();
        await Assertions.Expect(panel.Locator("li.step")).ToHaveCountAsync(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            await Assertions.Expect(panel.Locator("li.step").Nth(i)).ToHaveAttributeAsync("data-compliance", steps[i]!["compliance"]!.GetValue<string>());
        }

        await Assertions.Expect(panel.Locator("[data-field=conformant]")).ToContainTextAsync(expected["conformant"]!.GetValue<bool>() ? "Followed" : "Deviated");
        await BrowserFixture.ScreenshotAsync(page, "evidence-actual-journey");
        await panel.GetByLabel("Customer id").FillAsync("nobody");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("No events of this customer");
    }

    [Fact]
    public async Task TouchpointDetails_SetPlannedDurationAndAMatcherWithACondition()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var created = await Session.ReadAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys/{(await DemoJourneyIdAsync(api, workspaceId))}/duplicate", new { name = "Matcher exercise" }));
        var journeyPath = $"/api/v1/workspaces/{workspaceId}/journeys/{created["id"]}";

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{created["id"]}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Details of Reads customer reviews" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Touchpoint details" });
        await panel.GetByLabel("Planned duration", new() { Exact = true }).FillAsync("45");
        await panel.GetByRole(AriaRole.Button, new() { Name = "+ Event" }).ClickAsync();
        await panel.GetByLabel("Event name 2").FillAsync("search");
        await panel.GetByLabel("Channel 2").FillAsync("web");
        await panel.GetByRole(AriaRole.Group, new() { Name = "Event matcher 2" }).GetByRole(AriaRole.Button, new() { Name = "+ Condition" }).ClickAsync();
        await panel.GetByLabel("Property 2.1").FillAsync("query");
        await panel.GetByLabel("Operator 2.1").SelectOptionAsync("contains");
        await panel.GetByLabel("Value 2.1").FillAsync("jacket");
        await BrowserFixture.ScreenshotAsync(page, "touchpoint-details");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        JsonNode? touchpoint = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            touchpoint = (await api.GetJsonAsync(journeyPath))["stages"]!.AsArray().SelectMany(stage => stage!["touchpoints"]!.AsArray())
                .Single(tp => tp!["name"]!.GetValue<string>() == "Reads customer reviews");
            if (touchpoint!["eventMatchers"]!.AsArray().Count == 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(TimeSpan.FromMinutes(45), System.Xml.XmlConvert.ToTimeSpan(touchpoint!["plannedDuration"]!.GetValue<string>()));
        var matcher = touchpoint["eventMatchers"]![1]!;
        Assert.Equal(("search", "web"), (matcher["eventName"]!.GetValue<string>(), matcher["channel"]!.GetValue<string>()));
        Assert.Equal(("query", "contains", "jacket"), (matcher["conditions"]![0]!["property"]!.GetValue<string>(), matcher["conditions"]![0]!["operator"]!.GetValue<string>(), matcher["conditions"]![0]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SegmentsPage_CreatesASegment_ThatTheMapCompares()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Segments" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-segment='Desktop'] [data-field=rule]")).ToHaveTextAsync("segment = “desktop”");

        await page.GetByRole(AriaRole.Button, new() { Name = "New segment" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Called support");
        await dialog.GetByLabel("Whose property 1").SelectOptionAsync("event");
        await dialog.GetByLabel("Property 1", new() { Exact = true }).FillAsync("channel");
        await dialog.GetByLabel("Value 1").FillAsync("phone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save segment" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-segment='Called support'] [data-field=rule]")).ToHaveTextAsync("an event's channel = “phone”");
        await BrowserFixture.ScreenshotAsync(page, "segments");

        var saved = (await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/segments")).AsArray().Single(s => s!["name"]!.GetValue<string>() == "Called support")!;
        var journeyId = await DemoJourneyIdAsync(api, workspaceId);
        var metrics = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/metrics?segment={saved["id"]}");
        var support = metrics["segments"]![1]!;
        Assert.Equal("Called support", support["segment"]!.GetValue<string>());
        Assert.True(support["customers"]!.GetValue<long>() > 0);
        var call = support["touchpoints"]!.AsArray().Single(tp => tp!["name"]!.GetValue<string>() == "Calls customer service about the refund")!;
        Assert.Equal(support["entered"]!.GetValue<long>(), call["reached"]!.GetValue<long>());
    }

    [Fact]
    public async Task StageHeaders_ShowTheScoresOfAnswersAboutTheStage()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var workspaceId = await api.FirstWorkspaceAsync();
        var created = await Session.ReadAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/journeys/{(await DemoJourneyIdAsync(api, workspaceId))}/duplicate", new { name = "Stage scores" }));
        var journeyPath = $"/api/v1/workspaces/{workspaceId}/journeys/{created["id"]}";
        await api.ExpectAsync(await api.PostAsync($"/api/v1/workspaces/{workspaceId}/responses", new
        {
            responses = new[]
            {
                new { customer = "c0000001", touchpoint = (string?)null, stage = "Purchase", metric = "csat", score = 5, comment = (string?)null, time = "2026-03-01T10:00:00Z" },
                new { customer = "c0000002", touchpoint = (string?)null, stage = "Purchase", metric = "csat", score = 2, comment = (string?)null, time = "2026-03-01T10:00:00Z" },
            },
        }), System.Net.HttpStatusCode.Created);
        var stages = (await api.GetJsonAsync($"{journeyPath}/metrics"))["stages"]!.AsArray();
        var purchase = stages.Single(stage => stage!["name"]!.GetValue<string>() == "Purchase")!;

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/journeys/{created["id"]}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Evidence", Exact = true }).ClickAsync();

        Assert.Equal(2, purchase["csat"]!["responses"]!.GetValue<long>());
        await Assertions.Expect(page.Locator($".stage-scores[data-stage='{purchase["key"]}']"))
            .ToHaveTextAsync($"CSAT {purchase["csat"]!["score"]!.GetValue<double>().ToString("F0", CultureInfo.InvariantCulture)}%");
        await Assertions.Expect(page.Locator(".stage-scores")).ToHaveCountAsync(stages.Count(stage => stage!["csat"]!["responses"]!.GetValue<long>() > 0 || stage["nps"]!["responses"]!.GetValue<long>() > 0 || stage["ces"]!["responses"]!.GetValue<long>() > 0));
    }

    private static async Task<string> DemoJourneyIdAsync(Session api, Guid workspaceId)
    {
        var journeys = await api.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys?search=Online order");
        return journeys.AsArray().First(j => j!["name"]!.GetValue<string>() == "Online order to repeat purchase")!["id"]!.GetValue<string>();
    }
}
