using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Events;
using Waymark.Application.Ingestion;
using Waymark.Application.Storage;
using Waymark.Server.Errors;
using Waymark.Server.Hosting;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Events;

/// <summary>Event imports: a streamed file upload (CSV, XES, XES.GZ, NDJSON) that returns the import resource.</summary>
internal static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder workspace, WaymarkServerOptions options)
    {
        var imports = workspace.MapGroup("/events/imports").WithTags("Events");
        imports.MapPost("/", async (Guid workspaceId, HttpRequest request, ImportEventsCommand command, ImportJobs jobs, HttpContext context, CancellationToken cancellationToken,
            string? fileName, string? format, string? customer, string? activity, string? timestamp, string? channel, string? delimiter, string? lifecycle, string? onError, bool? wait) =>
        {
            if (onError is not null and not "fail" and not "skip")
            {
                return ProblemResults.For(Error.Invalid("onError", "onError is fail or skip."));
            }

            var importOptions = new EventImportOptions
            {
                Customer = customer ?? "case:concept:name",
                Activity = activity ?? "concept:name",
                Timestamp = timestamp ?? "time:timestamp",
                Channel = channel,
                Delimiter = delimiter is null ? null : delimiter == "tab" ? '\t' : delimiter[0],
                Lifecycle = lifecycle,
                FailOnBadRow = onError != "skip",
            };
            // The upload is spooled to the data folder first: memory stays bounded, the request stream is only read
            // asynchronously (the readers are synchronous), and a background import outlives the request.
            var uploads = Path.Combine(options.DataDirectory, "uploads");
            Directory.CreateDirectory(uploads);
            var spoolPath = Path.Combine(uploads, $"{Guid.NewGuid():N}.upload");
            await using (var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await request.Body.CopyToAsync(spool, cancellationToken);
            }

            if (wait != true)
            {
                var started = await jobs.StartAsync(new WorkspaceId(workspaceId), fileName ?? "", format, spoolPath, importOptions, cancellationToken);
                return Results.Accepted($"/api/v1/workspaces/{workspaceId}/events/imports/{started.Id}", started);
            }

            try
            {
                await using var content = File.OpenRead(spoolPath);
                var result = await command.HandleAsync(new WorkspaceId(workspaceId), fileName ?? "", format, content, importOptions, cancellationToken);
                return ProblemResults.From(result, import => Results.Created($"/api/v1/workspaces/{workspaceId}/events/imports/{import.Id}", import));
            }
            finally
            {
                File.Delete(spoolPath);
            }
        }).Editor().Produces<EventImport>(StatusCodes.Status202Accepted).Produces<EventImport>(StatusCodes.Status201Created).WithDescription("The request body is the file itself (any content type).").WithMetadata(new RequestSizeLimitAttribute(options.MaxImportBytes));

        imports.MapGet("/", async (Guid workspaceId, IEventStore store, ImportJobs jobs, CancellationToken cancellationToken) =>
            Results.Ok((await store.ListImportsAsync(new WorkspaceId(workspaceId), cancellationToken)).Select(jobs.Current))).Viewer().Produces<IReadOnlyList<EventImport>>();

        imports.MapGet("/{importId:guid}", async (Guid workspaceId, Guid importId, IEventStore store, ImportJobs jobs, CancellationToken cancellationToken) =>
            await store.GetImportAsync(new WorkspaceId(workspaceId), importId, cancellationToken) is { } import
                ? Results.Ok(jobs.Current(import))
                : ProblemResults.For(Error.NotFound("import", "There is no such import in this workspace."))).Viewer().Produces<EventImport>();
    }
}
