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
        imports.MapPost("/", async (Guid workspaceId, HttpRequest request, ImportEventsCommand command, HttpContext context, CancellationToken cancellationToken,
            string? fileName, string? format, string? customer, string? activity, string? timestamp, string? channel, string? delimiter, string? lifecycle, string? onError) =>
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
            // The readers are synchronous (XmlReader, TextReader); the upload is spooled to a temporary file first, so
            // memory stays bounded and the request stream is only read asynchronously.
            await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await request.Body.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            var result = await command.HandleAsync(new WorkspaceId(workspaceId), fileName ?? "", format, spool, importOptions, cancellationToken);
            return ProblemResults.From(result, import => Results.Created($"/api/v1/workspaces/{workspaceId}/events/imports/{import.Id}", import));
        }).Editor().WithDescription("The request body is the file itself (any content type).").WithMetadata(new RequestSizeLimitAttribute(options.MaxImportBytes));

        imports.MapGet("/", async (Guid workspaceId, IEventStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListImportsAsync(new WorkspaceId(workspaceId), cancellationToken))).Viewer();

        imports.MapGet("/{importId:guid}", async (Guid workspaceId, Guid importId, IEventStore store, CancellationToken cancellationToken) =>
            await store.GetImportAsync(new WorkspaceId(workspaceId), importId, cancellationToken) is { } import
                ? Results.Ok(import)
                : ProblemResults.For(Error.NotFound("import", "There is no such import in this workspace."))).Viewer();
    }
}
