namespace Waymark.Application.Workspaces;

/// <summary>An invitation for someone without an account; it turns into a membership when they sign up with that address.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="Email">The invited address, lowercase.</param>
/// <param name="Role">The role they will get.</param>
/// <param name="CreatedAt">When the invitation was made (UTC).</param>
public sealed record Invitation(WorkspaceId WorkspaceId, string Email, WorkspaceRole Role, DateTimeOffset CreatedAt);
