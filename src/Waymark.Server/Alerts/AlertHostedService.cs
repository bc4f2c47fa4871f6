using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waymark.Application.Alerts;
using Waymark.Server.Hosting;
using Waymark.Server.Live;

namespace Waymark.Server.Alerts;

/// <summary>Evaluates alert rules every <see cref="WaymarkServerOptions.AlertEvaluationInterval"/> and posts due
/// webhooks every second; what fires is also pushed to the workspace's open pages. Both work from the store, so a
/// restart picks up where the last run stopped.</summary>
internal sealed class AlertHostedService(AlertEvaluator evaluator, WebhookDispatcher dispatcher, IHubContext<LiveHub> hub, WaymarkServerOptions options, ILogger<AlertHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(LoopAsync(options.AlertEvaluationInterval, EvaluateAsync, stoppingToken), LoopAsync(options.WebhookDispatchInterval, DispatchAsync, stoppingToken));
    }

    private async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        foreach (var (workspaceId, notification) in await evaluator.EvaluateAsync(cancellationToken))
        {
            await hub.Clients.Group(LiveUpdates.WorkspaceGroupOf(workspaceId.Value)).SendAsync("notification", notification, cancellationToken);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        while (await dispatcher.DispatchDueAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task LoopAsync(TimeSpan every, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.AlertsFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
