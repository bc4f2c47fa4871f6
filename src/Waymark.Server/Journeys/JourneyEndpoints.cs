using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Journeys;
using Waymark.Application.Journeys.Documents;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Rendering.Maps;
using Waymark.Rendering.Pdf;
using Waymark.Server.Errors;
using Waymark.Server.Hosting;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Journeys;

/// <summary>Journeys: list, create (empty or from a template), read, change details, duplicate, delete, import, export.</summary>
internal static class JourneyEndpoints
{
    public static void MapJourneyEndpoints(this RouteGroupBuilder workspace, WaymarkServerOptions options)
    {
        var journeys = workspace.MapGroup("/journeys").WithTags("Journeys");
        journeys.MapGet("/", async (Guid workspaceId, IJourneyStore store, CancellationToken cancellationToken,
            JourneyKind? kind, JourneyState? state, JourneyType? type, JourneyStatus? status, string? tag, string? search, Guid? persona) =>
            Results.Ok((await store.ListAsync(new WorkspaceId(workspaceId), new JourneyFilter(kind, state, type, status, tag, search, persona is { } personaId ? new PersonaId(personaId) : null), cancellationToken)).Select(JourneySummary.Of)))
            .Viewer().Produces<IReadOnlyList<JourneySummary>>();

        journeys.MapPost("/", async (Guid workspaceId, CreateJourneyCommand.Request request, CreateJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyResults.From(await command.HandleAsync(new WorkspaceId(workspaceId), request, cancellationToken), context, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);

        journeys.MapGet("/{journeyId:guid}", async (Guid workspaceId, Guid journeyId, IJourneyStore store, HttpContext context, CancellationToken cancellationToken) =>
            await store.GetAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken) is { } journey
                ? JourneyResults.Ok(journey, context)
                : ProblemResults.For(JourneyErrors.NotFound())).Viewer().Produces<Journey>();

        journeys.MapPatch("/{journeyId:guid}", (Guid workspaceId, Guid journeyId, JourneyDetailsRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, journey => (journey with
            {
                Name = request.Name ?? journey.Name,
                Kind = request.Kind ?? journey.Kind,
                State = request.State ?? journey.State,
                Type = request.Type ?? journey.Type,
                Status = request.Status ?? journey.Status,
                Goal = Text(request.Goal, journey.Goal),
                Audience = Text(request.Audience, journey.Audience),
                TimeFrame = Text(request.TimeFrame, journey.TimeFrame),
                Owner = Text(request.Owner, journey.Owner),
                Tags = request.Tags ?? journey.Tags,
            }).Checked(), cancellationToken)).Editor().Produces<Journey>();

        journeys.MapDelete("/{journeyId:guid}", async (Guid workspaceId, Guid journeyId, IJourneyStore store, CancellationToken cancellationToken) =>
            await store.DeleteAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(JourneyErrors.NotFound())).Editor();

        journeys.MapPost("/{journeyId:guid}/duplicate", async (Guid workspaceId, Guid journeyId, DuplicateRequest? request, DuplicateJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyResults.From(await command.HandleAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), request?.Name, cancellationToken), context, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);

        journeys.MapGet("/{journeyId:guid}/document", async (Guid workspaceId, Guid journeyId, ExportJourneyDocumentQuery query, CancellationToken cancellationToken) =>
            ProblemResults.From(await query.HandleAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken),
                exported => Results.File(exported.Document, "application/json", exported.FileName))).Viewer();

        journeys.MapGet("/{journeyId:guid}/render.svg", async (Guid workspaceId, Guid journeyId, IJourneyStore store, IWorkspaceObjectStore<Persona> personas, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await store.GetAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken) is not { } journey)
            {
                return ProblemResults.For(JourneyErrors.NotFound());
            }

            var names = (await personas.ListAsync(new WorkspaceId(workspaceId), cancellationToken)).ToDictionary(persona => persona.Id, persona => persona.Name);
            context.Response.Headers.ETag = $"\"{journey.Version}\"";
            return Results.Text(JourneySvg.Render(journey, names), "image/svg+xml; charset=utf-8");
        }).Viewer().Produces<string>(StatusCodes.Status200OK, "image/svg+xml").WithDescription("The map as the editor lays it out, as a standalone SVG (all text escaped).");

        journeys.MapGet("/{journeyId:guid}/thumbnail.svg", async (Guid workspaceId, Guid journeyId, IJourneyStore store, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await store.GetAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken) is not { } journey)
            {
                return ProblemResults.For(JourneyErrors.NotFound());
            }

            context.Response.Headers.CacheControl = "private, max-age=60";
            return Results.Text(JourneyThumbnail.Render(journey), "image/svg+xml; charset=utf-8");
        }).Viewer().Produces<string>(StatusCodes.Status200OK, "image/svg+xml").WithDescription("A 240 × 96 miniature of the map for lists: stages, cards, emotion curves; no text.");

        journeys.MapGet("/{journeyId:guid}/render.pdf", async (Guid workspaceId, Guid journeyId, string? paper, IJourneyStore store, IWorkspaceObjectStore<Persona> personas, CancellationToken cancellationToken) =>
        {
            if (paper is not null and not "a3" and not "a4")
            {
                return ProblemResults.For(Error.Invalid("paper", "paper is a3 or a4."));
            }

            if (await store.GetAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), cancellationToken) is not { } journey)
            {
                return ProblemResults.For(JourneyErrors.NotFound());
            }

            var names = (await personas.ListAsync(new WorkspaceId(workspaceId), cancellationToken)).ToDictionary(persona => persona.Id, persona => persona.Name);
            var pdf = JourneyPdf.Render(journey, names, paper == "a4" ? PdfPaper.A4 : PdfPaper.A3);
            return Results.File(pdf, "application/pdf", $"{JourneyFileNames.Stem(journey.Name)}.pdf");
        }).Viewer().Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .WithDescription("The map as a PDF on A3 (default) or A4 landscape pages; a wide map is tiled across pages.");

        journeys.MapPost("/import", async (Guid workspaceId, HttpRequest request, ImportJourneyDocumentCommand command, HttpContext context, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync(request, options.MaxDocumentBytes, cancellationToken);
            return body.IsSuccess
                ? JourneyResults.From(await command.HandleAsync(new WorkspaceId(workspaceId), body.Value, cancellationToken), context, StatusCodes.Status201Created)
                : ProblemResults.For(body.Error);
        }).Editor().Produces<Journey>(StatusCodes.Status201Created).Accepts<JourneyDocument>("application/json").WithMetadata(new RequestSizeLimitAttribute(options.MaxDocumentBytes));
    }

    public sealed record DuplicateRequest(string? Name);

    private static string? Text(string? requested, string? current) => requested is null ? current : requested.Length == 0 ? null : requested;
}
