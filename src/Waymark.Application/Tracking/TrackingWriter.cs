using System.Threading.Channels;
using Waymark.Application.Events;
using Waymark.Application.Storage;

namespace Waymark.Application.Tracking;

/// <summary>Stores ingestion batches by group commit: one writer takes every batch waiting (up to
/// <see cref="MaxMessagesPerCommit"/> messages) and stores them in one transaction, so many small requests share one
/// durable commit. A request is answered only after its commit; then what it stored is queued for the live index.</summary>
/// <remarks>The queue is bounded (<see cref="QueueCapacity"/> batches): when it is full, or the writer is stopping, a
/// submission fails with <c>ingest.busy</c> (503, retry). A commit that throws is retried batch by batch, so one
/// batch the store refuses cannot fail the others; that batch's submitter gets the exception (503 for a store
/// that is down or read-only).</remarks>
public sealed class TrackingWriter(ITrackingStore store, WorkspaceEventIndex index)
{
    /// <summary>The most batches waiting for the writer.</summary>
    public const int QueueCapacity = 1024;

    /// <summary>The most messages stored in one transaction.</summary>
    public const int MaxMessagesPerCommit = 8192;

    private readonly Channel<Submission> _queue = Channel.CreateBounded<Submission>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private sealed record Submission(WorkspaceId WorkspaceId, TrackingBatch Batch, TaskCompletionSource<TrackingCommit> Done);

    /// <summary>Queues a batch and completes once it is durably stored. Fails with <c>ingest.busy</c> at once when
    /// the queue is full or the writer has stopped.</summary>
    public async Task<Result<TrackingCommit>> SubmitAsync(WorkspaceId workspaceId, TrackingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var submission = new Submission(workspaceId, batch, new TaskCompletionSource<TrackingCommit>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(submission))
        {
            return new Error("ingest.busy", "The server is taking in more than it can store right now; nothing of this request was stored. Retry after the given seconds.", ErrorKind.Unavailable)
            {
                Details = new Dictionary<string, object> { ["retryAfterSeconds"] = 1 },
            };
        }

        // The commit goes ahead even if the caller gives up: it was queued, and a retry is deduplicated.
        return await submission.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Refuses new batches; <see cref="RunAsync"/> stores those already queued, then returns.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>The writer loop: runs until <see cref="Complete"/> and the queue is drained.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        var group = new List<Submission>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            var messages = 0;
            while (messages < MaxMessagesPerCommit && reader.TryRead(out var submission))
            {
                group.Add(submission);
                messages += submission.Batch.MessageCount;
            }

            await CommitAsync(group, cancellationToken);
            group.Clear();
        }
    }

    private async Task CommitAsync(List<Submission> group, CancellationToken cancellationToken)
    {
        try
        {
            var commits = await store.CommitAsync([.. group.Select(item => (item.WorkspaceId, item.Batch))], cancellationToken);
            for (var i = 0; i < group.Count; i++)
            {
                Acknowledge(group[i], commits[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var submission in group)
            {
                await CommitAsync([submission], cancellationToken);
            }
        }
        catch (Exception exception)
        {
            group[0].Done.TrySetException(exception);
        }
    }

    private void Acknowledge(Submission submission, TrackingCommit commit)
    {
        index.Append(submission.WorkspaceId, commit);
        submission.Done.TrySetResult(commit);
    }
}
