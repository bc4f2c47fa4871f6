using Microsoft.AspNetCore.Http;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Server.Auth;
using Waymark.Server.Errors;

namespace Waymark.Server.Workspaces;

/// <summary>Guards every route with a <c>{workspaceId}</c>, before its body is read: a caller who is not a member gets
/// 404 (the workspace's existence is not revealed); a member whose role is below the endpoint's
/// <see cref="WorkspaceRoleRequirement"/> gets 403. A workspace route without a requirement fails closed (500),
/// so a new endpoint cannot escape the check by omission.</summary>
internal sealed class WorkspaceAccessMiddleware(RequestDelegate next, IWorkspaceStore workspaces)
{
    public const string RoleItem = "waymark.workspace-role";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue("workspaceId") is not string routeValue)
        {
            await next(context);
            return;
        }

        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRoleRequirement>()
            ?? throw new InvalidOperationException($"The endpoint {context.GetEndpoint()?.DisplayName} declares no workspace role requirement.");
        var userId = CurrentUser.IdOf(context.User);
        var role = userId is null || !Guid.TryParse(routeValue, out var workspaceGuid)
            ? null
            : await workspaces.GetRoleAsync(new WorkspaceId(workspaceGuid), userId.Value, context.RequestAborted);
        if (role is null)
        {
            await ProblemResults.For(Error.NotFound("workspace", "The workspace does not exist, or you are not a member.")).ExecuteAsync(context);
            return;
        }

        if (role < requirement.Role)
        {
            await ProblemResults.For(new Error("auth.forbidden", $"This needs the {requirement.Role.ToString().ToLowerInvariant()} role; you are {role.Value.ToString().ToLowerInvariant()}.", ErrorKind.Forbidden)).ExecuteAsync(context);
            return;
        }

        context.Items[RoleItem] = role.Value;
        await next(context);
    }
}
