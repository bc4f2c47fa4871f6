using Waymark.Application.Accounts;
using Waymark.Application.Storage;

namespace Waymark.Application.Workspaces;

/// <summary>Invites members, changes roles and removes members; a workspace always keeps one owner at least.</summary>
public sealed class MembershipCommands(IWorkspaceStore workspaces, IAccountStore accounts, TimeProvider clock)
{
    /// <summary>Adds an existing user as a member, or records an invitation that becomes a membership when they sign up.</summary>
    /// <returns>The member, or null when an invitation was recorded. Errors: <c>validation.failed</c>, <c>member.exists</c>.</returns>
    public async Task<Result<Member?>> InviteAsync(WorkspaceId workspaceId, string email, WorkspaceRole role, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        if (normalized is null)
        {
            return Error.Invalid("email", "Enter an email address such as name@example.com.");
        }

        if (!Enum.IsDefined(role))
        {
            return Error.Invalid("role", "The role is viewer, editor or owner.");
        }

        var user = await accounts.FindByEmailAsync(normalized, cancellationToken);
        if (user is null)
        {
            await workspaces.SetInvitationAsync(new Invitation(workspaceId, normalized, role, clock.GetUtcNow()), cancellationToken);
            return Result<Member?>.Success(null);
        }

        if (await workspaces.GetRoleAsync(workspaceId, user.Id, cancellationToken) is not null)
        {
            return Error.Conflict("member.exists", "This person is a member already; change their role instead.");
        }

        await workspaces.SetMemberAsync(workspaceId, user.Id, role, cancellationToken);
        return new Member(user.Id, user.Email, user.DisplayName, role);
    }

    /// <summary>Changes a member's role. Errors: <c>member.not-found</c>, <c>member.last-owner</c>.</summary>
    public async Task<Result<Member>> ChangeRoleAsync(WorkspaceId workspaceId, UserId userId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(role))
        {
            return Error.Invalid("role", "The role is viewer, editor or owner.");
        }

        var members = await workspaces.ListMembersAsync(workspaceId, cancellationToken);
        var member = members.FirstOrDefault(candidate => candidate.UserId == userId);
        if (member is null)
        {
            return Error.NotFound("member", "This user is not a member of the workspace.");
        }

        if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner && IsLastOwner(members))
        {
            return LastOwner();
        }

        await workspaces.SetMemberAsync(workspaceId, userId, role, cancellationToken);
        return member with { Role = role };
    }

    /// <summary>Removes a member. Errors: <c>member.not-found</c>, <c>member.last-owner</c>.</summary>
    public async Task<Result<bool>> RemoveAsync(WorkspaceId workspaceId, UserId userId, CancellationToken cancellationToken)
    {
        var members = await workspaces.ListMembersAsync(workspaceId, cancellationToken);
        var member = members.FirstOrDefault(candidate => candidate.UserId == userId);
        if (member is null)
        {
            return Error.NotFound("member", "This user is not a member of the workspace.");
        }

        if (member.Role == WorkspaceRole.Owner && IsLastOwner(members))
        {
            return LastOwner();
        }

        await workspaces.RemoveMemberAsync(workspaceId, userId, cancellationToken);
        return true;
    }

    private static bool IsLastOwner(IReadOnlyList<Member> members) => members.Count(member => member.Role == WorkspaceRole.Owner) == 1;

    private static Error LastOwner() =>
        Error.Conflict("member.last-owner", "A workspace needs an owner: make someone else owner first.");
}
