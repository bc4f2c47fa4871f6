using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Workspaces;
using Waymark.Server.Workspaces;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Walks every route of the route table: a member of workspace A reaches nothing of workspace B, and a
/// viewer cannot write. A new endpoint is covered the day it is added.</summary>
public sealed partial class WorkspaceIsolationTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WaymarkTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<(string Method, string Pattern, WorkspaceRole Role)> WorkspaceRoutes() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.Contains("{workspaceId", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(method => (method, endpoint.RoutePattern.RawText!, endpoint.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? (WorkspaceRole)0)))
            .ToList();

    private static string Fill(string pattern, Guid workspaceId) =>
        RouteParameter().Replace(pattern.Replace("{workspaceId:guid}", workspaceId.ToString(), StringComparison.Ordinal), _ => Guid.NewGuid().ToString());

    [Fact]
    public void EveryWorkspaceRoute_DeclaresARole()
    {
        var routes = WorkspaceRoutes();

        Assert.True(routes.Count > 40, $"Only {routes.Count} workspace routes found.");
        Assert.DoesNotContain(routes, route => route.Role == 0);
    }

    [Fact]
    public async Task MemberOfAnotherWorkspace_GetsNotFoundOnEveryRoute()
    {
        using var alice = await _server.SignUpAsync();
        using var bob = await _server.SignUpAsync();
        var bobsWorkspace = await bob.FirstWorkspaceAsync();
        var failures = new List<string>();

        foreach (var (method, pattern, _) in WorkspaceRoutes())
        {
            var response = await alice.SendAsync(new HttpMethod(method), Fill(pattern, bobsWorkspace), new { }, null);
            if (response.StatusCode != HttpStatusCode.NotFound || !(await response.Content.ReadAsStringAsync()).Contains("\"workspace.not-found\"", StringComparison.Ordinal))
            {
                failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Viewer_GetsForbiddenOnEveryWriteRoute()
    {
        using var owner = await _server.SignUpAsync();
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        using var viewer = await _server.SignUpAsync(viewerEmail);
        var workspace = await owner.FirstWorkspaceAsync();
        await owner.ExpectAsync(await owner.PostAsync($"/api/v1/workspaces/{workspace}/members", new { email = viewerEmail, role = "viewer" }), HttpStatusCode.Created);
        var failures = new List<string>();

        foreach (var (method, pattern, role) in WorkspaceRoutes().Where(route => route.Role > WorkspaceRole.Viewer))
        {
            var response = await viewer.SendAsync(new HttpMethod(method), Fill(pattern, workspace), new { }, null);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {pattern} ({role}): {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.Contains(WorkspaceRoutes(), route => route.Method == "GET" && route.Role == WorkspaceRole.Viewer);
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorizedOnWorkspaceRoutes()
    {
        using var owner = await _server.SignUpAsync();
        var workspace = await owner.FirstWorkspaceAsync();

        var response = await _server.Anonymous().GetAsync($"/api/v1/workspaces/{workspace}/journeys");

        await Session.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "auth.required");
    }

    [GeneratedRegex(@"\{[a-zA-Z]+(:guid)?\}")]
    private static partial Regex RouteParameter();
}
