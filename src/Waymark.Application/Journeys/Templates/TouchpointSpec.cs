using Waymark.Domain.Journeys;

namespace Waymark.Application.Journeys.Templates;

/// <summary>A compact way to write a template's touchpoint: an action when <paramref name="Receiver"/> is null, else a communication.</summary>
/// <param name="Name">The touchpoint's name.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Who">The actor of an action, or the initiator of a communication.</param>
/// <param name="Receiver">The receiver of a communication; null for an action.</param>
/// <param name="EventName">The recorded event that counts as this touchpoint, on any channel (the channel mix is one of its metrics), or null.</param>
/// <param name="PlannedMinutes">The planned duration in minutes, or null.</param>
internal sealed record TouchpointSpec(string Name, string Channel, string Who, string? Receiver = null, string? EventName = null, int? PlannedMinutes = null)
{
    public Touchpoint ToTouchpoint() => new()
    {
        Id = TouchpointId.New(),
        Name = Name,
        Form = Receiver is null ? TouchpointForm.Action : TouchpointForm.Communication,
        Channel = Channel,
        Actor = Receiver is null ? Who : null,
        Initiator = Receiver is null ? null : Who,
        Receiver = Receiver,
        EventMatchers = EventName is null ? [] : [new EventMatcher(EventName, null, [])],
        PlannedDuration = PlannedMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
    };
}
