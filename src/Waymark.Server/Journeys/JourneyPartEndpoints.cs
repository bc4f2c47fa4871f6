using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Journeys;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Server.Errors;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Journeys;

/// <summary>Edits inside a journey: stages, touchpoints, lanes, cards, pain points, opportunities and the personas
/// drawn on it. Every edit answers with the whole journey and its new ETag.</summary>
internal static class JourneyPartEndpoints
{
    public static void MapJourneyPartEndpoints(this RouteGroupBuilder workspace)
    {
        var journey = workspace.MapGroup("/journeys/{journeyId:guid}").WithTags("Journey editing");
        MapStages(journey);
        MapTouchpoints(journey);
        MapLanes(journey);
        MapCards(journey);
        MapLinkedObjects(journey);
        MapPersonas(journey);
    }

    private static void MapStages(RouteGroupBuilder journey)
    {
        journey.MapPost("/stages", (Guid workspaceId, Guid journeyId, StageRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context,
                current => current.AddStage(new Stage { Id = StageId.New(), Name = request.Name, Description = request.Description }, request.Position), cancellationToken, StatusCodes.Status201Created))
            .Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/stages/{stageId:guid}", (Guid workspaceId, Guid journeyId, Guid stageId, StageRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.UpdateStage(new StageId(stageId), request.Name, request.Description), cancellationToken)).Editor().Produces<Journey>();
        journey.MapPost("/stages/{stageId:guid}/move", (Guid workspaceId, Guid journeyId, Guid stageId, PositionRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.MoveStage(new StageId(stageId), request.Position), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/stages/{stageId:guid}", (Guid workspaceId, Guid journeyId, Guid stageId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemoveStage(new StageId(stageId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static void MapTouchpoints(RouteGroupBuilder journey)
    {
        journey.MapPost("/stages/{stageId:guid}/touchpoints", (Guid workspaceId, Guid journeyId, Guid stageId, TouchpointRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context,
                current => current.AddTouchpoint(new StageId(stageId), ToTouchpoint(TouchpointId.New(), request), request.Position), cancellationToken, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/touchpoints/{touchpointId:guid}", (Guid workspaceId, Guid journeyId, Guid touchpointId, TouchpointRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.UpdateTouchpoint(ToTouchpoint(new TouchpointId(touchpointId), request)), cancellationToken)).Editor().Produces<Journey>();
        journey.MapPost("/touchpoints/{touchpointId:guid}/move", (Guid workspaceId, Guid journeyId, Guid touchpointId, TouchpointMoveRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.MoveTouchpoint(new TouchpointId(touchpointId), request.StageId, request.Position), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/touchpoints/{touchpointId:guid}", (Guid workspaceId, Guid journeyId, Guid touchpointId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemoveTouchpoint(new TouchpointId(touchpointId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static void MapLanes(RouteGroupBuilder journey)
    {
        journey.MapPost("/lanes", (Guid workspaceId, Guid journeyId, LaneRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.AddLane(new Lane(LaneId.New(), request.Type, request.Name), request.Position), cancellationToken, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/lanes/{laneId:guid}", (Guid workspaceId, Guid journeyId, Guid laneId, LaneRenameRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RenameLane(new LaneId(laneId), request.Name), cancellationToken)).Editor().Produces<Journey>();
        journey.MapPost("/lanes/{laneId:guid}/move", (Guid workspaceId, Guid journeyId, Guid laneId, PositionRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.MoveLane(new LaneId(laneId), request.Position), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/lanes/{laneId:guid}", (Guid workspaceId, Guid journeyId, Guid laneId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemoveLane(new LaneId(laneId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static void MapCards(RouteGroupBuilder journey)
    {
        journey.MapPost("/cards", (Guid workspaceId, Guid journeyId, CardRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.AddCard(ToCard(CardId.New(), request)), cancellationToken, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/cards/{cardId:guid}", (Guid workspaceId, Guid journeyId, Guid cardId, CardRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.UpdateCard(ToCard(new CardId(cardId), request)), cancellationToken)).Editor().Produces<Journey>();
        journey.MapPost("/cards/{cardId:guid}/move", (Guid workspaceId, Guid journeyId, Guid cardId, CardMoveRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.MoveCard(new CardId(cardId), request.LaneId, request.TouchpointIds), cancellationToken)).Editor().Produces<Journey>();
        journey.MapPost("/cards/{cardId:guid}/reorder", (Guid workspaceId, Guid journeyId, Guid cardId, PositionRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.ReorderCard(new CardId(cardId), request.Position), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/cards/{cardId:guid}", (Guid workspaceId, Guid journeyId, Guid cardId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemoveCard(new CardId(cardId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static void MapLinkedObjects(RouteGroupBuilder journey)
    {
        journey.MapPost("/pain-points", (Guid workspaceId, Guid journeyId, PainPointRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.SavePainPoint(ToPainPoint(PainPointId.New(), request)), cancellationToken, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/pain-points/{painPointId:guid}", (Guid workspaceId, Guid journeyId, Guid painPointId, PainPointRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context,
                current => current.FindPainPoint(new PainPointId(painPointId)).Then(_ => current.SavePainPoint(ToPainPoint(new PainPointId(painPointId), request))), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/pain-points/{painPointId:guid}", (Guid workspaceId, Guid journeyId, Guid painPointId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemovePainPoint(new PainPointId(painPointId)), cancellationToken)).Editor().Produces<Journey>();

        journey.MapPost("/opportunities", (Guid workspaceId, Guid journeyId, OpportunityRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.SaveOpportunity(ToOpportunity(OpportunityId.New(), request)), cancellationToken, StatusCodes.Status201Created)).Editor().Produces<Journey>(StatusCodes.Status201Created);
        journey.MapPut("/opportunities/{opportunityId:guid}", (Guid workspaceId, Guid journeyId, Guid opportunityId, OpportunityRequest request, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context,
                current => current.FindOpportunity(new OpportunityId(opportunityId)).Then(_ => current.SaveOpportunity(ToOpportunity(new OpportunityId(opportunityId), request))), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/opportunities/{opportunityId:guid}", (Guid workspaceId, Guid journeyId, Guid opportunityId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.RemoveOpportunity(new OpportunityId(opportunityId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static void MapPersonas(RouteGroupBuilder journey)
    {
        journey.MapPut("/personas/{personaId:guid}", async (Guid workspaceId, Guid journeyId, Guid personaId, IWorkspaceObjectStore<Persona> personas, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            await personas.GetAsync(new WorkspaceId(workspaceId), personaId, cancellationToken) is null
                ? ProblemResults.For(Error.NotFound("persona", "The persona does not exist in this workspace."))
                : await JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.AttachPersona(new PersonaId(personaId)), cancellationToken)).Editor().Produces<Journey>();
        journey.MapDelete("/personas/{personaId:guid}", (Guid workspaceId, Guid journeyId, Guid personaId, EditJourneyCommand command, HttpContext context, CancellationToken cancellationToken) =>
            JourneyEdits.ApplyAsync(workspaceId, journeyId, command, context, current => current.DetachPersona(new PersonaId(personaId)), cancellationToken)).Editor().Produces<Journey>();
    }

    private static Touchpoint ToTouchpoint(TouchpointId id, TouchpointRequest request) => new()
    {
        Id = id, Name = request.Name, Description = request.Description, Form = request.Form, Channel = request.Channel,
        Initiator = request.Initiator, Receiver = request.Receiver, Actor = request.Actor,
        EventMatchers = request.EventMatchers ?? [], PlannedDuration = request.PlannedDuration,
    };

    private static Card ToCard(CardId id, CardRequest request) => new()
    {
        Id = id, LaneId = request.LaneId, TouchpointIds = request.TouchpointIds, Text = request.Text ?? "", Emotions = request.Emotions ?? [],
        PainPointId = request.PainPointId, OpportunityId = request.OpportunityId, ImageUrl = request.ImageUrl,
    };

    private static PainPoint ToPainPoint(PainPointId id, PainPointRequest request) => new()
    {
        Id = id, Title = request.Title, Description = request.Description, Severity = request.Severity, Owner = request.Owner,
        Status = request.Status ?? PainPointStatus.Open, TouchpointIds = request.TouchpointIds ?? [],
    };

    private static Opportunity ToOpportunity(OpportunityId id, OpportunityRequest request) => new()
    {
        Id = id, Title = request.Title, Description = request.Description, Value = request.Value, Effort = request.Effort, Owner = request.Owner,
        Status = request.Status ?? OpportunityStatus.Idea, TouchpointIds = request.TouchpointIds ?? [], PainPointIds = request.PainPointIds ?? [],
    };
}
