using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Application.Storage;
using Waymark.Server.Hosting;

namespace Waymark.Cli;

/// <summary>The store the CLI works on directly (the server's services, not listening), migrated first.</summary>
internal sealed class LocalStore : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalStore(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalStore> OpenAsync(WaymarkServerOptions options, CancellationToken cancellationToken, bool migrate = true)
    {
        var app = WaymarkApp.Build(options, logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (migrate)
        {
            await app.Services.GetRequiredService<IMigrator>().MigrateAsync(cancellationToken);
        }

        return new LocalStore(app);
    }

    /// <summary>The given workspace, or the only one; prints why not and returns null otherwise.</summary>
    public async Task<Domain.Ids.WorkspaceId?> ResolveWorkspaceAsync(Guid? requested, CancellationToken cancellationToken)
    {
        var workspaces = await Services.GetRequiredService<IWorkspaceStore>().ListAllAsync(cancellationToken);
        if (requested is { } id)
        {
            if (workspaces.Any(workspace => workspace.Id.Value == id))
            {
                return new Domain.Ids.WorkspaceId(id);
            }

            await Console.Error.WriteLineAsync($"error [workspace.not-found]: there is no workspace {id} in this store.");
            return null;
        }

        if (workspaces.Count == 1)
        {
            return workspaces[0].Id;
        }

        await Console.Error.WriteLineAsync(workspaces.Count == 0
            ? "error [workspace.not-found]: the store has no workspace yet; start the server once or sign up."
            : "error [workspace.ambiguous]: the store has several workspaces; choose one with --workspace:\n" + string.Join("\n", workspaces.Select(workspace => $"  {workspace.Id}  {workspace.Name}")));
        return null;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
