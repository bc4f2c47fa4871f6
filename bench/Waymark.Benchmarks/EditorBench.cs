using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Waymark.Application.Generation;
using Waymark.Application.Journeys.Documents;
using Waymark.Domain.Ids;
using Waymark.Testing;

namespace Waymark.Benchmarks;

/// <summary>The editor in headless Chromium on a large map (8 stages × 40 touchpoints × 12 lanes, 480 cards), against
/// the real server: time from navigation to an interactive map (every card drawn, one clicked into edit mode), and
/// per keystroke the time from keydown to the next frame. Run:
/// <c>dotnet run -c Release --project bench/Waymark.Benchmarks -- editor [runs]</c>.</summary>
internal static class EditorBench
{
    public static async Task<int> RunAsync(int runs)
    {
        await using var server = await WaymarkTestServer.StartAsync(seedDemo: true);
        using var session = await server.SignInAsync("demo@waymark.local", server.DemoPassword!);
        var workspaceId = await session.FirstWorkspaceAsync();
        var (journey, personas) = SampleMaps.Large(new WorkspaceId(workspaceId), TimeProvider.System.GetUtcNow());
        var document = JourneyDocumentFormat.Write(journey, personas);
        using var content = new ByteArrayContent(document);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var imported = await Session.ReadAsync(await session.SendRawAsync(HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/journeys/import", content));
        var journeyId = imported["id"]!.GetValue<string>();
        var cards = imported["cards"]!.AsArray().Count;
        var svgTimes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var svg = await session.GetAsync($"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}/render.svg");
            svg.EnsureSuccessStatusCode();
            await svg.Content.ReadAsByteArrayAsync();
            svgTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH", Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH") ?? "/usr/bin/node");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WAYMARK_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.GetByLabel("Email").FillAsync("demo@waymark.local");
        await page.GetByLabel("Password").FillAsync(server.DemoPassword!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Journeys" }).WaitForAsync();

        var url = new Uri(server.BaseAddress, $"/w/{workspaceId}/journeys/{journeyId}").ToString();
        var openTimes = new List<double>();
        var keyTimes = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-card-id]').length >= {cards - 40}", null, new() { PollingInterval = 10, Timeout = 30_000 });
            var first = page.Locator(".card-text").First;
            await first.ClickAsync();
            await page.GetByLabel("Card text").WaitForAsync();
            var interactive = await page.EvaluateAsync<double>("() => performance.now()");
            if (run > 0)
            {
                openTimes.Add(interactive); // run 0 warms the server and the browser cache
            }

            // Keystroke latency: keydown to the next frame after React has re-rendered the card.
            await page.EvaluateAsync(@"() => {
                window.__keyTimes = [];
                const area = document.querySelector('textarea');
                area.addEventListener('keydown', (event) => {
                    const start = event.timeStamp;
                    requestAnimationFrame(() => setTimeout(() => window.__keyTimes.push(performance.now() - start), 0));
                });
            }");
            await page.Keyboard.TypeAsync(" quick brown fox", new() { Delay = 60 });
            await page.WaitForTimeoutAsync(200);
            keyTimes.AddRange(await page.EvaluateAsync<double[]>("() => window.__keyTimes"));
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(1200); // let the autosave finish before the next navigation
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"map: {journey.Stages.Count} stages, {journey.Stages.Sum(stage => stage.Touchpoints.Count)} touchpoints, {journey.Lanes.Count} lanes, {cards} cards"));
        Report("server SVG (GET render.svg, whole response)", svgTimes);
        Report("open to interactive (navigation → all cards drawn → a card in edit mode)", openTimes);
        Report("keystroke to next frame", keyTimes);
        return 0;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {median:F1} ms, p95 {p95:F1}, min {times[0]:F1}, max {times[^1]:F1}, n {times.Count}"));
    }
}
