using Waymark.Application.Workspaces;

namespace Waymark.Application.Storage;

/// <summary>Stores workspaces, their members and pending invitations.</summary>
public interface IWorkspaceStore
{
    /// <summary>Creates a workspace with <paramref name="ownerId"/> as its owner, in one transaction.</summary>
    Task CreateAsync(Workspace workspace, UserId ownerId, CancellationToken cancellationToken);

    /// <summary>The workspace, or null.</summary>
    Task<Workspace?> GetAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    /// <summary>Renames a workspace.</summary>
    Task<WriteOutcome> RenameAsync(WorkspaceId workspaceId, string name, CancellationToken cancellationToken);

    /// <summary>The workspaces the user belongs to, with the user's role, by name.</summary>
    Task<IReadOnlyList<(Workspace Workspace, WorkspaceRole Role)>> ListForUserAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Every workspace, by creation (for the CLI, which runs with the operator's rights).</summary>
    Task<IReadOnlyList<Workspace>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The user's role in the workspace, or null when not a member (or no such workspace).</summary>
    Task<WorkspaceRole?> GetRoleAsync(WorkspaceId workspaceId, UserId userId, CancellationToken cancellationToken);

    /// <summary>The members, by email.</summary>
    Task<IReadOnlyList<Member>> ListMembersAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);

    /// <summary>Adds a member or changes a member's role.</summary>
    Task SetMemberAsync(WorkspaceId workspaceId, UserId userId, WorkspaceRole role, CancellationToken cancellationToken);

    /// <summary>Removes a member; <see cref="WriteOutcome.NotFound"/> when the user is not one.</summary>
    Task<WriteOutcome> RemoveMemberAsync(WorkspaceId workspaceId, UserId userId, CancellationToken cancellationToken);

    /// <summary>Records or replaces an invitation.</summary>
    Task SetInvitationAsync(Invitation invitation, CancellationToken cancellationToken);

    /// <summary>Pending invitations of the workspace, by email.</summary>
    Task<IReadOnlyList<Invitation>> ListInvitationsAsync(WorkspaceId workspaceId, CancellationToken cancellationToken);
}
