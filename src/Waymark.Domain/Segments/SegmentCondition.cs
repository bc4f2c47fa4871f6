using Waymark.Domain.Journeys;

namespace Waymark.Domain.Segments;

/// <summary>One condition of a segment's rule.</summary>
/// <param name="Scope">Whether the property is a customer's or an event's.</param>
/// <param name="Condition">The property, operator and value.</param>
public sealed record SegmentCondition(SegmentScope Scope, PropertyCondition Condition);
