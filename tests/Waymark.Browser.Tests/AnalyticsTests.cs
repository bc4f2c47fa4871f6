using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AnalyticsTests(BrowserFixture fixture)
{
    private static readonly string[] Steps = ["register request", "check ticket", "decide", "pay compensation"];

    [Fact]
    public async Task UploadRunningExample_TheFunnelShowsWhatTheCliPrints()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var created = await Session.ReadAsync(await api.PostAsync("/api/v1/workspaces", new { name = "Process mining" }));
        var workspaceId = created["id"]!.GetValue<string>();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/analytics").ToString());
        await Assertions.Expect(page.GetByText("No events in this workspace yet")).ToBeVisibleAsync();

        await page.GetByLabel("Event log (CSV, XES, XES.GZ, NDJSON)").SetInputFilesAsync(SharedData.File("running-example.xes"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Imported 42 events from 42 rows")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("6 customers · 42 events · 8 event types")).ToBeVisibleAsync();

        // Replace the suggested steps with the ones the CLI gets.
        while (await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove step") }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove step") }).First.ClickAsync();
        }

        foreach (var step in Steps)
        {
            await page.GetByLabel("Add a step").SelectOptionAsync(new SelectOptionValue { Label = step });
        }

        await Assertions.Expect(page.Locator("tr[data-step]")).ToHaveCountAsync(Steps.Length);
        await Assertions.Expect(page.Locator("figure.histogram")).ToHaveCountAsync(Steps.Length - 1);
        await BrowserFixture.ScreenshotAsync(page, "analytics-funnel");

        var cli = Cli("analyze", "funnel", "--log", SharedData.File("running-example.xes"), "--steps", string.Join(',', Steps), "--window", "14d", "--format", "json");
        var expected = JsonNode.Parse(cli)!["steps"]!.AsArray();
        for (var k = 0; k < Steps.Length; k++)
        {
            var row = page.Locator($"tr[data-step='{k + 1}']");
            var count = expected[k]!["count"]!.GetValue<long>();
            var conversion = expected[k]!["conversion"]!.GetValue<double>();
            await Assertions.Expect(row.Locator("[data-field=count]")).ToHaveTextAsync(count.ToString("#,0", CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator("[data-field=conversion]")).ToHaveTextAsync((conversion * 100).ToString("F1", CultureInfo.InvariantCulture) + "%");
        }

        foreach (var tab in new[] { "Paths", "Directly-follows", "Variants", "Retention" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = tab })).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(200);
            await BrowserFixture.ScreenshotAsync(page, "analytics-" + tab.ToLowerInvariant());
        }

        await page.Context.CloseAsync();
    }

    /// <summary>Each step added asks for the funnel again; when an older request answers last, the page keeps the
    /// newer answer (CI once saw the three-step answer replace the four-step one).</summary>
    [Fact]
    public async Task FunnelSteps_AnOlderSlowerAnswerDoesNotReplaceTheNewerOne()
    {
        using var api = await fixture.Server.SignInAsync("demo@waymark.local", fixture.Server.DemoPassword!);
        var created = await Session.ReadAsync(await api.PostAsync("/api/v1/workspaces", new { name = "Slow answers" }));
        var workspaceId = created["id"]!.GetValue<string>();
        using (var upload = new ByteArrayContent(await File.ReadAllBytesAsync(SharedData.File("running-example.xes"))))
        {
            upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            var imported = await api.SendRawAsync(HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/events/imports?fileName=running-example.xes&wait=true", upload);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var page = await fixture.SignedInPageAsync();
        // Three-step funnels answer 1.5 s late: the four-step answer arrives first.
        await page.RouteAsync("**/analytics/funnel?**", async route =>
        {
            if (route.Request.Url.Split("steps=").Length - 1 == 3)
            {
                await Task.Delay(1_500);
            }

            await route.ContinueAsync();
        });
        // The page suggests three steps and asks for that funnel (slow); a fourth step asks again (fast).
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"/w/{workspaceId}/analytics").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove step") })).ToHaveCountAsync(3);
        await page.GetByLabel("Add a step").SelectOptionAsync(new SelectOptionValue { Label = "pay compensation" });
        await Assertions.Expect(page.Locator("tr[data-step]")).ToHaveCountAsync(4);
        await page.WaitForTimeoutAsync(2_500);

        await Assertions.Expect(page.Locator("tr[data-step]")).ToHaveCountAsync(4);
        await page.Context.CloseAsync();
    }

    /// <summary>Runs the built CLI (as ./waymark does) and returns what it printed.</summary>
    private static string Cli(params string[] arguments)
    {
        var dll = Path.Combine(SharedData.RepositoryRoot(), "src", "Waymark.Cli", "bin", "Release", "net10.0", "waymark.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"waymark {string.Join(' ', arguments)} failed: {errors}");
        return output;
    }
}
