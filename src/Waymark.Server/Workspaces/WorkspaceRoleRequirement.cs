using Waymark.Application.Workspaces;

namespace Waymark.Server.Workspaces;

/// <summary>Endpoint metadata: the least role a caller needs in the route's workspace.</summary>
/// <param name="Role">The least role.</param>
public sealed record WorkspaceRoleRequirement(WorkspaceRole Role);
