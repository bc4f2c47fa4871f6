using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.Browser.Tests;

/// <summary>axe-core (WCAG 2.1 A and AA rules) on the main pages: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task MainPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        var anonymous = await fixture.Browser.NewPageAsync();
        await anonymous.GotoAsync(fixture.Server.BaseAddress.ToString());
        await anonymous.GetByLabel("Email").WaitForAsync();
        var findings = new List<string>();
        await CheckAsync(anonymous, "sign-in", findings);
        await anonymous.Context.CloseAsync();

        var page = await fixture.SignedInPageAsync();
        await CheckAsync(page, "journeys", findings);
        await page.GetByText("Online order to repeat purchase").First.ClickAsync();
        await page.Locator(".map-grid").WaitForAsync();
        await CheckAsync(page, "map editor", findings);
        foreach (var section in new[] { "Personas", "Analytics", "Members" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 1 }).WaitForAsync();
            await page.WaitForTimeoutAsync(300);
            await CheckAsync(page, section.ToLowerInvariant(), findings);
        }

        await page.Context.CloseAsync();
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> findings)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            findings.Add($"{name}: {violation.Id} ({violation.Impact}) — {violation.Help}: {string.Join(" | ", violation.Nodes.Take(3).Select(node => string.Join(" ", node.Target)))}");
        }
    }
}
