using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Waymark.Application.Storage;
using Waymark.Server.Auth;

namespace Waymark.Server.Live;

/// <summary>Live updates for open maps at <c>/hubs/live</c>. A signed-in member calls <c>WatchJourney</c>; from then
/// on the connection receives <c>metrics</c> messages (the journey's touchpoint metrics over all customers and time)
/// whenever new events reach the workspace's index, at most once a second.</summary>
[Authorize]
internal sealed class LiveHub(IWorkspaceStore workspaces, IJourneyStore journeys, LiveUpdates live) : Hub
{
    /// <summary>The hub's address.</summary>
    public const string Path = "/hubs/live";

    /// <summary>Starts sending the journey's metrics to this connection; false when the caller may not see it
    /// (not a member, or no such journey in the workspace).</summary>
    public async Task<bool> WatchJourney(Guid workspaceId, Guid journeyId)
    {
        var workspace = new WorkspaceId(workspaceId);
        if (CurrentUser.IdOf(Context.User!) is not { } userId || await workspaces.GetRoleAsync(workspace, userId, Context.ConnectionAborted) is null
            || await journeys.GetAsync(workspace, new JourneyId(journeyId), Context.ConnectionAborted) is null)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdates.GroupOf(journeyId), Context.ConnectionAborted);
        live.Watch(Context.ConnectionId, workspace, new JourneyId(journeyId));
        return true;
    }

    /// <summary>Starts sending the workspace's notifications (<c>notification</c> messages) to this connection; false
    /// when the caller is not a member.</summary>
    public async Task<bool> WatchWorkspace(Guid workspaceId)
    {
        if (CurrentUser.IdOf(Context.User!) is not { } userId || await workspaces.GetRoleAsync(new WorkspaceId(workspaceId), userId, Context.ConnectionAborted) is null)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdates.WorkspaceGroupOf(workspaceId), Context.ConnectionAborted);
        return true;
    }

    /// <summary>Stops sending the journey's metrics to this connection.</summary>
    public async Task UnwatchJourney(Guid journeyId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveUpdates.GroupOf(journeyId), Context.ConnectionAborted);
        live.Forget(Context.ConnectionId, new JourneyId(journeyId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        live.Forget(Context.ConnectionId, null);
        return base.OnDisconnectedAsync(exception);
    }
}
