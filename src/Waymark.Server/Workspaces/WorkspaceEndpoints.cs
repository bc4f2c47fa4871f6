using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Server.Auth;
using Waymark.Server.Errors;

namespace Waymark.Server.Workspaces;

/// <summary>Workspaces, members and invitations.</summary>
internal static class WorkspaceEndpoints
{
    public sealed record WorkspaceResponse(WorkspaceId Id, string Name, WorkspaceRole Role, DateTimeOffset CreatedAt);

    public sealed record NameRequest(string Name);

    public sealed record InviteRequest(string Email, WorkspaceRole Role);

    public sealed record RoleRequest(WorkspaceRole Role);

    public static void MapWorkspaceEndpoints(this IEndpointRouteBuilder api, RouteGroupBuilder workspace)
    {
        var workspaces = api.MapGroup("/workspaces").WithTags("Workspaces").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        workspaces.MapGet("/", async (HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
            Results.Ok((await store.ListForUserAsync(CurrentUser.Require(context.User), cancellationToken))
                .Select(entry => new WorkspaceResponse(entry.Workspace.Id, entry.Workspace.Name, entry.Role, entry.Workspace.CreatedAt))))
            .Produces<IReadOnlyList<WorkspaceResponse>>();

        workspaces.MapPost("/", async (NameRequest request, HttpContext context, IWorkspaceStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (ValidName(request.Name) is { } problem)
            {
                return ProblemResults.For(problem);
            }

            var created = new Workspace(WorkspaceId.New(), request.Name.Trim(), clock.GetUtcNow());
            await store.CreateAsync(created, CurrentUser.Require(context.User), cancellationToken);
            return Results.Created($"/api/v1/workspaces/{created.Id}", new WorkspaceResponse(created.Id, created.Name, WorkspaceRole.Owner, created.CreatedAt));
        }).Produces<WorkspaceResponse>(StatusCodes.Status201Created);

        workspace.MapGet("/", async (Guid workspaceId, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        {
            var found = (await store.GetAsync(new WorkspaceId(workspaceId), cancellationToken))!;
            return Results.Ok(new WorkspaceResponse(found.Id, found.Name, (WorkspaceRole)context.Items[WorkspaceAccessMiddleware.RoleItem]!, found.CreatedAt));
        }).Viewer().WithTags("Workspaces").Produces<WorkspaceResponse>();

        workspace.MapPatch("/", async (Guid workspaceId, NameRequest request, HttpContext context, IWorkspaceStore store, CancellationToken cancellationToken) =>
        {
            if (ValidName(request.Name) is { } problem)
            {
                return ProblemResults.For(problem);
            }

            await store.RenameAsync(new WorkspaceId(workspaceId), request.Name.Trim(), cancellationToken);
            var found = (await store.GetAsync(new WorkspaceId(workspaceId), cancellationToken))!;
            return Results.Ok(new WorkspaceResponse(found.Id, found.Name, WorkspaceRole.Owner, found.CreatedAt));
        }).Owner().WithTags("Workspaces").Produces<WorkspaceResponse>();

        var members = workspace.MapGroup("/members").WithTags("Members");
        members.MapGet("/", async (Guid workspaceId, IWorkspaceStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListMembersAsync(new WorkspaceId(workspaceId), cancellationToken))).Viewer().Produces<IReadOnlyList<Member>>();

        members.MapPost("/", async (Guid workspaceId, InviteRequest request, MembershipCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.InviteAsync(new WorkspaceId(workspaceId), request.Email, request.Role, cancellationToken),
                member => member is null ? Results.Accepted(value: new { invited = request.Email.Trim().ToLowerInvariant(), role = request.Role }) : Results.Created($"/api/v1/workspaces/{workspaceId}/members/{member.UserId}", member)))
            .Owner();

        members.MapPut("/{userId:guid}", async (Guid workspaceId, Guid userId, RoleRequest request, MembershipCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.ChangeRoleAsync(new WorkspaceId(workspaceId), new UserId(userId), request.Role, cancellationToken), Results.Ok)).Owner();

        members.MapDelete("/{userId:guid}", async (Guid workspaceId, Guid userId, MembershipCommands commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.RemoveAsync(new WorkspaceId(workspaceId), new UserId(userId), cancellationToken), _ => Results.NoContent())).Owner();

        workspace.MapGet("/invitations", async (Guid workspaceId, IWorkspaceStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListInvitationsAsync(new WorkspaceId(workspaceId), cancellationToken))).Owner().Produces<IReadOnlyList<Invitation>>().WithTags("Members");
    }

    private static Error? ValidName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 200 ? Error.Invalid("name", "Enter a name of 1 to 200 characters.") : null;
}
