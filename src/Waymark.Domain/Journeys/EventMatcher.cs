namespace Waymark.Domain.Journeys;

/// <summary>Says which recorded events count as a touchpoint.</summary>
/// <remarks>An event matches when its name equals <see cref="EventName"/> (ordinal), its channel equals
/// <see cref="Channel"/> when one is given, and every condition holds. A touchpoint with several matchers
/// matches an event that any of them matches.</remarks>
/// <param name="EventName">The recorded event name.</param>
/// <param name="Channel">The channel the event must come from, or null for any channel.</param>
/// <param name="Conditions">Conditions on event properties, all of which must hold; may be empty.</param>
public sealed record EventMatcher(string EventName, string? Channel, IReadOnlyList<PropertyCondition> Conditions);
