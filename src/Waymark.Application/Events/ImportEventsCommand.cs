using Waymark.Application.Ingestion;
using Waymark.Application.Storage;

namespace Waymark.Application.Events;

/// <summary>Imports an event file (CSV, XES, XES.GZ, NDJSON) into a workspace's event store, all or nothing.</summary>
/// <remarks>The file is read on one thread while its events are written, in chunks, on another, inside one
/// transaction (memory stays bounded): with <c>FailOnBadRow</c> a bad row rolls everything back and nothing is stored;
/// with skip, the good rows are stored and every bad row is reported. Events whose message id the workspace already
/// has are counted as duplicates and not stored again. Every import, failed or not, is recorded.</remarks>
public sealed class ImportEventsCommand(IEventStore store, WorkspaceEventIndex index, TimeProvider clock)
{
    /// <summary>Imports. Errors (the failed import is recorded too): <c>import.unknown-format</c>, <c>import.empty</c>,
    /// <c>import.missing-column</c>, <c>import.malformed</c>, <c>import.bad-row</c>.</summary>
    public async Task<Result<EventImport>> HandleAsync(WorkspaceId workspaceId, string fileName, string? format, Stream content, EventImportOptions options, CancellationToken cancellationToken, Guid? importId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        var resolved = format ?? EventFileReader.FormatOf(fileName ?? "");
        var total = content.CanSeek ? content.Length : 0;
        var import = new EventImport { Id = importId ?? Guid.CreateVersion7(), WorkspaceId = workspaceId, FileName = fileName ?? "", Format = resolved ?? "", Status = "failed", BytesTotal = total, BytesRead = total, CreatedAt = clock.GetUtcNow() };
        if (resolved is null || !EventFileReader.Formats.Contains(resolved))
        {
            return await FailAsync(import, new Error("import.unknown-format", $"Say which format the file is in (format={string.Join("|", EventFileReader.Formats)}), or name it with its extension.", ErrorKind.Validation), cancellationToken);
        }

        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pipe = new EventChunkPipe(abandon.Token);
        var reading = Task.Run(() =>
        {
            try
            {
                var result = EventFileReader.Read(content, resolved, options, pipe);
                pipe.Complete(result.IsSuccess);
                return result;
            }
            catch
            {
                pipe.Complete(succeeded: false);
                throw;
            }
        }, CancellationToken.None);

        long stored;
        try
        {
            stored = await store.AppendAsync(workspaceId, import.Id, pipe.ReadAllAsync(cancellationToken), () => pipe.Customers, cancellationToken);
        }
        catch (EventReadFailedException)
        {
            stored = -1; // the reader's own result says why
        }
        catch
        {
            await abandon.CancelAsync(); // the store failed: unblock the reader, then report the store's error
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }

        var read = await reading;
        if (!read.IsSuccess || stored < 0)
        {
            return await FailAsync(import, read.IsSuccess ? new Error("import.malformed", "The file could not be read to the end.", ErrorKind.Validation) : read.Error, cancellationToken);
        }

        index.Invalidate(workspaceId);
        var report = read.Value;
        import = import with
        {
            Status = "succeeded", Rows = report.Rows, Imported = stored, Filtered = report.Filtered, Duplicates = pipe.Count - stored,
            BadRowCount = report.BadRowCount, BadRows = report.BadRows,
        };
        await store.SaveImportAsync(import, cancellationToken);
        return import;
    }

    private async Task<Result<EventImport>> FailAsync(EventImport import, Error error, CancellationToken cancellationToken)
    {
        await store.SaveImportAsync(import with { ErrorCode = error.Code, Error = error.Message }, cancellationToken);
        return error with { Details = new Dictionary<string, object>(error.Details) { ["importId"] = import.Id } };
    }
}
