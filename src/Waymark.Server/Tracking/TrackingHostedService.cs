using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waymark.Application.Events;
using Waymark.Application.Tracking;
using Waymark.Server.Hosting;
using Waymark.Server.Live;

namespace Waymark.Server.Tracking;

/// <summary>Runs the ingestion writer and brings what it stored into the live index every
/// <see cref="ApplyEvery"/>, then tells open maps (<see cref="LiveUpdates"/>). On stop, batches already queued are
/// stored before the process ends; new ones get 503.</summary>
internal sealed class TrackingHostedService(TrackingWriter writer, WorkspaceEventIndex index, LiveUpdates live, ILogger<TrackingHostedService> logger) : IHostedService, IDisposable
{
    /// <summary>How often the live index takes in new events: well inside the 2-second freshness target.</summary>
    public static readonly TimeSpan ApplyEvery = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;
    private Task _applying = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(() => writer.RunAsync(CancellationToken.None), CancellationToken.None);
        _applying = Task.Run(ApplyLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        try
        {
            await _writing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's stop timeout passed: batches still queued were never acknowledged, so their senders retry.
        }

        await _stopping.CancelAsync();
        try
        {
            await _applying;
        }
        catch (OperationCanceledException)
        {
        }

    }

    public void Dispose() => _stopping.Dispose();

    private async Task ApplyLoopAsync()
    {
        using var timer = new PeriodicTimer(ApplyEvery);
        while (await timer.WaitForNextTickAsync(_stopping.Token))
        {
            try
            {
                foreach (var workspaceId in await index.ApplyPendingAsync())
                {
                    live.MarkChanged(workspaceId);
                }

                await live.PushDueAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.LiveIndexFailed(logger, exception);
            }
        }
    }
}
