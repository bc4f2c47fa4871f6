using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Domain.Results;

namespace Waymark.Domain.Tests.Journeys;

public sealed class JourneyTests
{
    private static Touchpoint Action(string name) => new() { Id = TouchpointId.New(), Name = name, Form = TouchpointForm.Action, Actor = "Customer", Channel = "web" };

    private static (Journey Journey, Touchpoint[] Touchpoints, Lane Lane) ThreeTouchpoints()
    {
        Touchpoint[] touchpoints = [Action("A"), Action("B"), Action("C")];
        var lane = new Lane(LaneId.New(), LaneType.Actions, "Actions");
        var journey = new Journey
        {
            Id = JourneyId.New(), WorkspaceId = WorkspaceId.New(), Name = "Test",
            Stages = [new Stage { Id = StageId.New(), Name = "One", Touchpoints = [touchpoints[0], touchpoints[1]] }, new Stage { Id = StageId.New(), Name = "Two", Touchpoints = [touchpoints[2]] }],
            Lanes = [lane],
        };
        return (journey, touchpoints, lane);
    }

    [Fact]
    public void AddStage_NameTakenInAnyCase_IsConflict()
    {
        var (journey, _, _) = ThreeTouchpoints();

        var result = journey.AddStage(new Stage { Id = StageId.New(), Name = " one " }, null);

        Assert.Equal("stage.name-taken", result.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void MoveStage_PositionOutsideList_IsRejected(int position)
    {
        var (journey, _, _) = ThreeTouchpoints();

        var result = journey.MoveStage(journey.Stages[0].Id, position);

        Assert.Equal("position.out-of-range", result.Error?.Code);
    }

    [Fact]
    public void MoveStage_ToEnd_ReordersStagesAndKeepsTouchpoints()
    {
        var (journey, touchpoints, _) = ThreeTouchpoints();

        var moved = journey.MoveStage(journey.Stages[0].Id, 1).Value;

        Assert.Equal(["Two", "One"], moved.Stages.Select(stage => stage.Name));
        Assert.Equal([touchpoints[2].Id, touchpoints[0].Id, touchpoints[1].Id], moved.Touchpoints.Select(touchpoint => touchpoint.Id));
    }

    [Fact]
    public void AddCard_SpanningNonAdjacentTouchpoints_IsInvalid()
    {
        var (journey, touchpoints, lane) = ThreeTouchpoints();

        var result = journey.AddCard(new Card { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = [touchpoints[0].Id, touchpoints[2].Id] });

        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Contains("cards[0].touchpointIds", result.Error!.Fields.Keys);
    }

    [Fact]
    public void RemoveTouchpoint_InsideSpan_CardKeepsLongestAdjacentRun()
    {
        var (journey, touchpoints, lane) = ThreeTouchpoints();
        var card = new Card { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = touchpoints.Select(touchpoint => touchpoint.Id).ToList() };
        journey = journey.AddCard(card).Value;

        var removed = journey.RemoveTouchpoint(touchpoints[0].Id).Value;

        Assert.Equal([touchpoints[1].Id, touchpoints[2].Id], removed.Cards.Single().TouchpointIds);
    }

    [Fact]
    public void RemoveTouchpoint_OnlyTouchpointOfCard_RemovesCardAndLinks()
    {
        var (journey, touchpoints, _) = ThreeTouchpoints();
        var painLane = new Lane(LaneId.New(), LaneType.PainPoints, "Pain points");
        var painPoint = new PainPoint { Id = PainPointId.New(), Title = "Slow", Severity = 3, TouchpointIds = [touchpoints[1].Id, touchpoints[2].Id] };
        journey = journey.AddLane(painLane, null).Then(next => next.SavePainPoint(painPoint))
            .Then(next => next.AddCard(new Card { Id = CardId.New(), LaneId = painLane.Id, TouchpointIds = [touchpoints[1].Id], PainPointId = painPoint.Id })).Value;

        var removed = journey.RemoveTouchpoint(touchpoints[1].Id).Value;

        Assert.Empty(removed.Cards);
        Assert.Equal([touchpoints[2].Id], removed.PainPoints.Single().TouchpointIds);
    }

    [Fact]
    public void MoveTouchpoint_ToAnotherStage_MovesIt()
    {
        var (journey, touchpoints, _) = ThreeTouchpoints();

        var moved = journey.MoveTouchpoint(touchpoints[0].Id, journey.Stages[1].Id, 1).Value;

        Assert.Equal([touchpoints[1].Id], moved.Stages[0].Touchpoints.Select(touchpoint => touchpoint.Id));
        Assert.Equal([touchpoints[2].Id, touchpoints[0].Id], moved.Stages[1].Touchpoints.Select(touchpoint => touchpoint.Id));
    }

    [Fact]
    public void AddCard_EmotionOutsideRangeOrOnWrongLane_ReportsEachProblem()
    {
        var (journey, touchpoints, actions) = ThreeTouchpoints();
        var persona = PersonaId.New();
        journey = journey.AttachPersona(persona).Value;

        var result = journey.AddCard(new Card { Id = CardId.New(), LaneId = actions.Id, TouchpointIds = [touchpoints[0].Id], Emotions = [new EmotionScore(persona, 3)] });

        Assert.Contains("cards[0].emotions", result.Error!.Fields.Keys);
        Assert.Contains("cards[0].emotions[0].score", result.Error.Fields.Keys);
    }

    [Fact]
    public void AddTouchpoint_CommunicationWithoutReceiverOrChannel_IsInvalid()
    {
        var (journey, _, _) = ThreeTouchpoints();
        var communication = new Touchpoint { Id = TouchpointId.New(), Name = "Email", Form = TouchpointForm.Communication, Initiator = "Brand" };

        var result = journey.AddTouchpoint(journey.Stages[0].Id, communication, 0);

        Assert.Contains("stages[0].touchpoints[0].receiver", result.Error!.Fields.Keys);
        Assert.Contains("stages[0].touchpoints[0].channel", result.Error.Fields.Keys);
    }

    [Fact]
    public void ReorderCard_WithinItsCell_KeepsOtherCellsInPlace()
    {
        var (journey, touchpoints, lane) = ThreeTouchpoints();
        Card Make(string text, int at) => new() { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = [touchpoints[at].Id], Text = text };
        var (first, elsewhere, second, third) = (Make("first", 0), Make("elsewhere", 1), Make("second", 0), Make("third", 0));
        journey = journey.AddCard(first).Then(next => next.AddCard(elsewhere)).Then(next => next.AddCard(second)).Then(next => next.AddCard(third)).Value;

        var reordered = journey.ReorderCard(third.Id, 0).Value;

        Assert.Equal(["third", "first", "second"], reordered.Cards.Where(card => card.TouchpointIds[0] == touchpoints[0].Id).Select(card => card.Text));
        Assert.Equal(["third", "first", "elsewhere", "second"], reordered.Cards.Select(card => card.Text));
        Assert.Equal("position.out-of-range", journey.ReorderCard(third.Id, 3).Error?.Code);
        Assert.Equal(["second", "third", "first"], journey.ReorderCard(first.Id, 2).Value.Cards.Where(card => card.Text != "elsewhere").Select(card => card.Text));
    }

    [Fact]
    public void DetachPersona_RemovesItsEmotionScores()
    {
        var (journey, touchpoints, _) = ThreeTouchpoints();
        var emotions = new Lane(LaneId.New(), LaneType.Emotions, "Emotions");
        var (maya, tom) = (PersonaId.New(), PersonaId.New());
        journey = journey.AddLane(emotions, null).Then(next => next.AttachPersona(maya)).Then(next => next.AttachPersona(tom))
            .Then(next => next.AddCard(new Card { Id = CardId.New(), LaneId = emotions.Id, TouchpointIds = [touchpoints[0].Id], Emotions = [new EmotionScore(maya, -2), new EmotionScore(tom, 2)] })).Value;

        var detached = journey.DetachPersona(maya).Value;

        Assert.Equal([tom], detached.PersonaIds);
        Assert.Equal([new EmotionScore(tom, 2)], detached.Cards.Single().Emotions);
    }
}
