namespace Waymark.Application.Workspaces;

/// <summary>A team's space.</summary>
/// <param name="Id">The workspace's id.</param>
/// <param name="Name">1 to 200 characters.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record Workspace(WorkspaceId Id, string Name, DateTimeOffset CreatedAt);
