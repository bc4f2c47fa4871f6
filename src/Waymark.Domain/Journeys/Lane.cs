namespace Waymark.Domain.Journeys;

/// <summary>A typed row of a journey.</summary>
/// <param name="Id">Unique within its journey.</param>
/// <param name="Type">What the lane holds.</param>
/// <param name="Name">The row's label, 1 to 200 characters; several lanes may share a type.</param>
public sealed record Lane(LaneId Id, LaneType Type, string Name);
