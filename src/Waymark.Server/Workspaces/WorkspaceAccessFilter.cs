using Microsoft.AspNetCore.Http;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Server.Auth;
using Waymark.Server.Errors;

namespace Waymark.Server.Workspaces;

/// <summary>Guards every route under <c>/workspaces/{workspaceId}</c>: a caller who is not a member gets 404 (the
/// workspace's existence is not revealed); a member whose role is below the endpoint's
/// <see cref="WorkspaceRoleRequirement"/> gets 403. An endpoint without a requirement is a bug and fails closed.</summary>
internal sealed class WorkspaceAccessFilter(IWorkspaceStore workspaces) : IEndpointFilter
{
    public const string RoleItem = "waymark.workspace-role";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requirement = http.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRoleRequirement>()
            ?? throw new InvalidOperationException($"The endpoint {http.GetEndpoint()?.DisplayName} declares no workspace role requirement.");
        var userId = CurrentUser.IdOf(http.User);
        if (userId is null || !Guid.TryParse(http.GetRouteValue("workspaceId") as string, out var workspaceGuid))
        {
            return ProblemResults.For(NotFound());
        }

        var role = await workspaces.GetRoleAsync(new WorkspaceId(workspaceGuid), userId.Value, http.RequestAborted);
        if (role is null)
        {
            return ProblemResults.For(NotFound());
        }

        if (role < requirement.Role)
        {
            return ProblemResults.For(new Error("auth.forbidden", $"This needs the {requirement.Role.ToString().ToLowerInvariant()} role; you are {role.Value.ToString().ToLowerInvariant()}.", ErrorKind.Forbidden));
        }

        http.Items[RoleItem] = role.Value;
        return await next(context);
    }

    private static Error NotFound() => Error.NotFound("workspace", "The workspace does not exist, or you are not a member.");
}
