using System.Net;
using Waymark.Testing;

namespace Waymark.Server.Tests;

public sealed class RenderEndpointTests
{
    [Fact]
    public async Task RenderSvgAndPdf_OfTheDemoJourney_AnswerWithTheirFormats()
    {
        await using var server = await WaymarkTestServer.StartAsync(seedDemo: true);
        using var session = await server.SignInAsync("demo@waymark.local", server.DemoPassword!);
        var workspaceId = await session.FirstWorkspaceAsync();
        var journeyId = (await session.GetJsonAsync($"/api/v1/workspaces/{workspaceId}/journeys"))[0]!["id"]!.GetValue<string>();
        var at = $"/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";

        var svg = await session.GetAsync($"{at}/render.svg");
        var pdf = await session.GetAsync($"{at}/render.pdf?paper=a4");
        var badPaper = await session.GetAsync($"{at}/render.pdf?paper=letter");
        var missing = await session.GetAsync($"/api/v1/workspaces/{workspaceId}/journeys/{Guid.NewGuid()}/render.svg");

        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("online-order-to-repeat-purchase.pdf", pdf.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
        await Session.ExpectProblemAsync(badPaper, HttpStatusCode.BadRequest, "validation.failed");
        await Session.ExpectProblemAsync(missing, HttpStatusCode.NotFound, "journey.not-found");
    }
}
