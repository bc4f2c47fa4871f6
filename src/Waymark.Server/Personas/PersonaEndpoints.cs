using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Domain.Segments;
using Waymark.Server.Errors;
using Waymark.Server.Journeys;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Personas;

/// <summary>Personas and segments: the workspace's named objects, with unique names and If-Match concurrency.</summary>
internal static class PersonaEndpoints
{
    public sealed record PersonaRequest(
        string Name, string? Description = null, IReadOnlyList<string>? Goals = null, IReadOnlyList<string>? Needs = null,
        IReadOnlyList<string>? Frustrations = null, IReadOnlyList<string>? Traits = null);

    public sealed record SegmentRequest(string Name, IReadOnlyList<SegmentCondition> Conditions, string? Description = null, bool MatchAll = true);

    public static void MapPersonaEndpoints(this RouteGroupBuilder workspace)
    {
        var personas = workspace.MapGroup("/personas").WithTags("Personas");
        personas.MapGet("/", async (Guid workspaceId, IWorkspaceObjectStore<Persona> store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListAsync(new WorkspaceId(workspaceId), cancellationToken))).Viewer().Produces<IReadOnlyList<Persona>>();
        personas.MapGet("/{personaId:guid}", async (Guid workspaceId, Guid personaId, IWorkspaceObjectStore<Persona> store, CancellationToken cancellationToken) =>
            await store.GetAsync(new WorkspaceId(workspaceId), personaId, cancellationToken) is { } persona ? Results.Ok(persona) : ProblemResults.For(Error.NotFound("persona", "The persona does not exist in this workspace."))).Viewer().Produces<Persona>();
        personas.MapPost("/", async (Guid workspaceId, PersonaRequest request, WorkspaceObjectCommands<Persona> commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.CreateAsync(Apply(new Persona { Id = PersonaId.New(), WorkspaceId = new WorkspaceId(workspaceId), Name = request.Name }, request), cancellationToken),
                persona => Results.Created($"/api/v1/workspaces/{workspaceId}/personas/{persona.Id}", persona))).Editor().Produces<Persona>(StatusCodes.Status201Created);
        personas.MapPut("/{personaId:guid}", async (Guid workspaceId, Guid personaId, PersonaRequest request, WorkspaceObjectCommands<Persona> commands, HttpContext context, CancellationToken cancellationToken) =>
        {
            var expected = JourneyResults.ExpectedVersion(context.Request);
            return !expected.IsSuccess
                ? ProblemResults.For(expected.Error)
                : ProblemResults.From(await commands.UpdateAsync(new WorkspaceId(workspaceId), personaId, expected.Value, current => Apply(current, request), (persona, version) => persona with { Version = version }, cancellationToken), Results.Ok);
        }).Editor().Produces<Persona>();
        personas.MapDelete("/{personaId:guid}", async (Guid workspaceId, Guid personaId, WorkspaceObjectCommands<Persona> commands, IJourneyStore journeys, CancellationToken cancellationToken) =>
        {
            var workspaceIdValue = new WorkspaceId(workspaceId);
            var drawing = (await journeys.ListAsync(workspaceIdValue, new JourneyFilter(), cancellationToken))
                .Concat(await journeys.ListAsync(workspaceIdValue, new JourneyFilter(Status: JourneyStatus.Archived), cancellationToken))
                .Where(journey => journey.PersonaIds.Contains(new PersonaId(personaId)))
                .Select(journey => journey.Name)
                .ToList();
            return drawing.Count > 0
                ? ProblemResults.For(Error.Conflict("persona.in-use", $"Journeys draw this persona: {string.Join(", ", drawing)}. Take it off them first."))
                : ProblemResults.From(await commands.DeleteAsync(workspaceIdValue, personaId, cancellationToken), _ => Results.NoContent());
        }).Editor();

        var segments = workspace.MapGroup("/segments").WithTags("Segments");
        segments.MapGet("/", async (Guid workspaceId, IWorkspaceObjectStore<Segment> store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListAsync(new WorkspaceId(workspaceId), cancellationToken))).Viewer().Produces<IReadOnlyList<Segment>>();
        segments.MapGet("/{segmentId:guid}", async (Guid workspaceId, Guid segmentId, IWorkspaceObjectStore<Segment> store, CancellationToken cancellationToken) =>
            await store.GetAsync(new WorkspaceId(workspaceId), segmentId, cancellationToken) is { } segment ? Results.Ok(segment) : ProblemResults.For(Error.NotFound("segment", "The segment does not exist in this workspace."))).Viewer().Produces<Segment>();
        segments.MapPost("/", async (Guid workspaceId, SegmentRequest request, WorkspaceObjectCommands<Segment> commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.CreateAsync(new Segment { Id = SegmentId.New(), WorkspaceId = new WorkspaceId(workspaceId), Name = request.Name, Description = request.Description, MatchAll = request.MatchAll, Conditions = request.Conditions }, cancellationToken),
                segment => Results.Created($"/api/v1/workspaces/{workspaceId}/segments/{segment.Id}", segment))).Editor().Produces<Segment>(StatusCodes.Status201Created);
        segments.MapPut("/{segmentId:guid}", async (Guid workspaceId, Guid segmentId, SegmentRequest request, WorkspaceObjectCommands<Segment> commands, HttpContext context, CancellationToken cancellationToken) =>
        {
            var expected = JourneyResults.ExpectedVersion(context.Request);
            return !expected.IsSuccess
                ? ProblemResults.For(expected.Error)
                : ProblemResults.From(await commands.UpdateAsync(new WorkspaceId(workspaceId), segmentId, expected.Value,
                    current => current with { Name = request.Name, Description = request.Description, MatchAll = request.MatchAll, Conditions = request.Conditions },
                    (segment, version) => segment with { Version = version }, cancellationToken), Results.Ok);
        }).Editor().Produces<Segment>();
        segments.MapDelete("/{segmentId:guid}", async (Guid workspaceId, Guid segmentId, WorkspaceObjectCommands<Segment> commands, CancellationToken cancellationToken) =>
            ProblemResults.From(await commands.DeleteAsync(new WorkspaceId(workspaceId), segmentId, cancellationToken), _ => Results.NoContent())).Editor();
    }

    private static Persona Apply(Persona persona, PersonaRequest request) => persona with
    {
        Name = request.Name, Description = request.Description, Goals = request.Goals ?? [], Needs = request.Needs ?? [],
        Frustrations = request.Frustrations ?? [], Traits = request.Traits ?? [],
    };
}
