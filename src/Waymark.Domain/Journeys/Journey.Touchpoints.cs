namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>Finds a touchpoint anywhere in the journey.</summary>
    public Result<Touchpoint> FindTouchpoint(TouchpointId touchpointId) =>
        Touchpoints.FirstOrDefault(touchpoint => touchpoint.Id == touchpointId) is { } found
            ? found
            : Error.NotFound("touchpoint", "The touchpoint does not exist in this journey.");

    /// <summary>Adds a touchpoint to a stage at <paramref name="position"/> within it (null appends).</summary>
    public Result<Journey> AddTouchpoint(StageId stageId, Touchpoint touchpoint, int? position)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return FindStage(stageId)
            .Then(stage => OrderedList.Insert(stage.Touchpoints, touchpoint, position))
            .Then(touchpoints => WithStageTouchpoints(stageId, touchpoints).Checked());
    }

    /// <summary>Replaces a touchpoint's content; its id and place stay.</summary>
    public Result<Journey> UpdateTouchpoint(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return FindTouchpoint(touchpoint.Id).Then(_ => (this with
        {
            Stages = Stages.Select(stage => stage with
            {
                Touchpoints = OrderedList.Replace(stage.Touchpoints, existing => existing.Id == touchpoint.Id, _ => touchpoint),
            }).ToList(),
        }).Checked());
    }

    /// <summary>Moves a touchpoint to <paramref name="position"/> in stage <paramref name="stageId"/> (its own or another).</summary>
    /// <remarks>The position counts within the target stage after the touchpoint left its old place: 0 to the
    /// target's count when moving between stages, 0 to count − 1 within one stage. Cards keep their longest still-adjacent run.</remarks>
    public Result<Journey> MoveTouchpoint(TouchpointId touchpointId, StageId stageId, int position)
    {
        var found = FindTouchpoint(touchpointId);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var without = this with { Stages = Stages.Select(stage => stage with { Touchpoints = OrderedList.Remove(stage.Touchpoints, touchpoint => touchpoint.Id == touchpointId) }).ToList() };
        return without.FindStage(stageId)
            .Then(stage => OrderedList.Insert(stage.Touchpoints, found.Value, position))
            .Then(touchpoints => without.WithStageTouchpoints(stageId, touchpoints).WithSpansRepaired().Checked());
    }

    /// <summary>Removes a touchpoint, the cards that sat only on it, and its links from pain points and opportunities.</summary>
    public Result<Journey> RemoveTouchpoint(TouchpointId touchpointId) =>
        FindTouchpoint(touchpointId).Then(_ => (this with
        {
            Stages = Stages.Select(stage => stage with { Touchpoints = OrderedList.Remove(stage.Touchpoints, touchpoint => touchpoint.Id == touchpointId) }).ToList(),
        }).WithSpansRepaired().Checked());

    private Journey WithStageTouchpoints(StageId stageId, IReadOnlyList<Touchpoint> touchpoints) =>
        this with { Stages = OrderedList.Replace(Stages, stage => stage.Id == stageId, stage => stage with { Touchpoints = touchpoints }) };

    /// <summary>After touchpoints moved or went away: cards keep the longest adjacent run of their touchpoints
    /// that still exist (the leftmost on a tie) and go when none is left; links to missing touchpoints go.</summary>
    private Journey WithSpansRepaired()
    {
        var order = Touchpoints.Select((touchpoint, index) => (touchpoint.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index);
        var cards = new List<Card>(Cards.Count);
        foreach (var card in Cards)
        {
            var run = LongestAdjacentRun(card.TouchpointIds, order);
            if (run.Count > 0)
            {
                cards.Add(run.Count == card.TouchpointIds.Count ? card : card with { TouchpointIds = run });
            }
        }

        return this with
        {
            Cards = cards,
            PainPoints = PainPoints.Select(painPoint => painPoint with { TouchpointIds = painPoint.TouchpointIds.Where(order.ContainsKey).ToList() }).ToList(),
            Opportunities = Opportunities.Select(opportunity => opportunity with { TouchpointIds = opportunity.TouchpointIds.Where(order.ContainsKey).ToList() }).ToList(),
        };
    }

    private static List<TouchpointId> LongestAdjacentRun(IReadOnlyList<TouchpointId> span, Dictionary<TouchpointId, int> order)
    {
        var positions = span.Where(order.ContainsKey).Select(id => order[id]).Order().ToList();
        var best = new List<int>();
        var current = new List<int>();
        foreach (var position in positions)
        {
            if (current.Count > 0 && position != current[^1] + 1)
            {
                current = [];
            }

            current.Add(position);
            if (current.Count > best.Count)
            {
                best = [.. current];
            }
        }

        var byPosition = order.ToDictionary(pair => pair.Value, pair => pair.Key);
        return best.Select(position => byPosition[position]).ToList();
    }
}
