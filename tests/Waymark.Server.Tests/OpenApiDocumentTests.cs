using System.Text.Json.Nodes;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>The browser app is typed from web/openapi/v1.json; it must be what the server serves, so a change to an
/// endpoint's shape cannot leave the app's types behind.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task CommittedDocument_IsWhatTheServerServes()
    {
        await using var server = await WaymarkTestServer.StartAsync();
        using var client = server.Anonymous();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedData.RepositoryRoot(), "web", "openapi", "v1.json")))!;

        // The servers list names the test server's port; everything else must match.
        served.AsObject().Remove("servers");
        committed.AsObject().Remove("servers");
        if (!JsonNode.DeepEquals(committed, served))
        {
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "waymark-served-openapi.json"), served.ToJsonString());
        }

        Assert.True(JsonNode.DeepEquals(committed, served), "web/openapi/v1.json differs from the server's OpenAPI document: run web/update-api.sh and commit the result.");
    }

    [Fact]
    public async Task Document_DescribesJourneyResponsesAndIdsAsUuids()
    {
        await using var server = await WaymarkTestServer.StartAsync();
        using var client = server.Anonymous();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var get = document["paths"]!["/api/v1/workspaces/{workspaceId}/journeys/{journeyId}"]!["get"]!;
        Assert.Equal("#/components/schemas/Journey", get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(get["responses"]!["404"]);
        Assert.Equal("uuid", document["components"]!["schemas"]!["JourneyId"]!["format"]!.GetValue<string>());
        Assert.Equal("uuid", document["components"]!["schemas"]!["Card"]!["properties"]!["touchpointIds"]!["items"]!["format"]!.GetValue<string>());
    }
}
