namespace Waymark.Domain.Journeys;

/// <summary>The two touchpoint forms of CJML.</summary>
public enum TouchpointForm
{
    /// <summary>A message from an initiator to a receiver over a channel.</summary>
    Communication,

    /// <summary>Something one actor does.</summary>
    Action,
}
