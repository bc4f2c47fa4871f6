namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>Finds a lane.</summary>
    public Result<Lane> FindLane(LaneId laneId) =>
        Lanes.FirstOrDefault(lane => lane.Id == laneId) is { } found ? found : Error.NotFound("lane", "The lane does not exist in this journey.");

    /// <summary>Adds a lane at <paramref name="position"/> (0 is the top; null appends).</summary>
    public Result<Journey> AddLane(Lane lane, int? position)
    {
        ArgumentNullException.ThrowIfNull(lane);
        return OrderedList.Insert(Lanes, lane, position).Then(lanes => (this with { Lanes = lanes }).Checked());
    }

    /// <summary>Renames a lane. Its type cannot change, because the cards on it depend on the type.</summary>
    public Result<Journey> RenameLane(LaneId laneId, string name) =>
        FindLane(laneId).Then(_ => (this with { Lanes = OrderedList.Replace(Lanes, lane => lane.Id == laneId, lane => lane with { Name = name }) }).Checked());

    /// <summary>Moves a lane to <paramref name="position"/> (0 to count − 1).</summary>
    public Result<Journey> MoveLane(LaneId laneId, int position) =>
        FindLane(laneId).Then(_ => OrderedList.Move(Lanes, lane => lane.Id == laneId, position))
            .Then(lanes => (this with { Lanes = lanes }).Checked());

    /// <summary>Removes a lane and every card on it.</summary>
    public Result<Journey> RemoveLane(LaneId laneId) =>
        FindLane(laneId).Then(_ => (this with
        {
            Lanes = OrderedList.Remove(Lanes, lane => lane.Id == laneId),
            Cards = OrderedList.Remove(Cards, card => card.LaneId == laneId),
        }).Checked());
}
