namespace Waymark.Application.Workspaces;

/// <summary>A member's role in a workspace; a higher role can do everything a lower one can.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads everything in the workspace.</summary>
    Viewer = 1,

    /// <summary>Also changes journeys, personas, segments and data.</summary>
    Editor = 2,

    /// <summary>Also manages members, roles and the workspace itself.</summary>
    Owner = 3,
}
