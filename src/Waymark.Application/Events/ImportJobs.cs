using System.Collections.Concurrent;
using Waymark.Application.Ingestion;
using Waymark.Application.Storage;

namespace Waymark.Application.Events;

/// <summary>Runs imports in the background from a spooled upload, with progress that callers can poll.</summary>
/// <remarks>A running import is recorded at once with status <c>running</c>; when it ends the record is replaced by
/// the outcome. An import recorded as running that this process does not know (the server restarted meanwhile) is
/// reported as failed: its transaction never committed, so nothing of it was stored.</remarks>
public sealed class ImportJobs(ImportEventsCommand command, IEventStore store, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, CountingReadStream> _running = new();

    /// <summary>Records the import as running and starts it; the spool file is deleted when it ends.</summary>
    public async Task<EventImport> StartAsync(WorkspaceId workspaceId, string fileName, string? format, string spoolPath, EventImportOptions options, CancellationToken cancellationToken)
    {
        var length = new FileInfo(spoolPath).Length;
        var import = new EventImport
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, FileName = fileName, Format = format ?? EventFileReader.FormatOf(fileName) ?? "",
            Status = "running", BytesTotal = length, CreatedAt = clock.GetUtcNow(),
        };
        await store.SaveImportAsync(import, cancellationToken);
        var stream = new CountingReadStream(File.OpenRead(spoolPath));
        _running[import.Id] = stream;
        _ = Task.Run(async () =>
        {
            try
            {
                await command.HandleAsync(workspaceId, fileName, format, stream, options, CancellationToken.None, import.Id);
            }
            finally
            {
                _running.TryRemove(import.Id, out _);
                await stream.DisposeAsync();
                File.Delete(spoolPath);
            }
        }, CancellationToken.None);
        return import;
    }

    /// <summary>The import as it stands: live progress while running here, failed if it was running elsewhere and lost.</summary>
    public EventImport Current(EventImport stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Status != "running")
        {
            return stored;
        }

        return _running.TryGetValue(stored.Id, out var stream)
            ? stored with { BytesRead = stream.BytesRead }
            : stored with { Status = "failed", ErrorCode = "import.interrupted", Error = "The server stopped while this import ran; nothing of it was stored. Import the file again." };
    }
}
