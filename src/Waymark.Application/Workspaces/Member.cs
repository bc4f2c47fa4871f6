namespace Waymark.Application.Workspaces;

/// <summary>A user's membership of a workspace.</summary>
/// <param name="UserId">The member.</param>
/// <param name="Email">The member's email address.</param>
/// <param name="DisplayName">The member's name.</param>
/// <param name="Role">The member's role.</param>
public sealed record Member(UserId UserId, string Email, string DisplayName, WorkspaceRole Role);
