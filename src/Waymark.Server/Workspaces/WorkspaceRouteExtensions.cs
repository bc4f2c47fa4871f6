using Microsoft.AspNetCore.Builder;
using Waymark.Application.Workspaces;

namespace Waymark.Server.Workspaces;

/// <summary>Declares the role an endpoint needs.</summary>
internal static class WorkspaceRouteExtensions
{
    public static RouteHandlerBuilder Viewer(this RouteHandlerBuilder builder) => builder.WithMetadata(new WorkspaceRoleRequirement(WorkspaceRole.Viewer));

    public static RouteHandlerBuilder Editor(this RouteHandlerBuilder builder) => builder.WithMetadata(new WorkspaceRoleRequirement(WorkspaceRole.Editor));

    public static RouteHandlerBuilder Owner(this RouteHandlerBuilder builder) => builder.WithMetadata(new WorkspaceRoleRequirement(WorkspaceRole.Owner));
}
