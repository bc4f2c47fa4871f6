namespace Waymark.Domain.Journeys;

/// <summary>What a lane holds; decides which card fields are allowed.</summary>
public enum LaneType
{
    /// <summary>What the customer does.</summary>
    Actions,

    /// <summary>What the customer thinks or asks.</summary>
    Thoughts,

    /// <summary>How each persona feels, a score from −2 to +2.</summary>
    Emotions,

    /// <summary>Cards that show linked pain points.</summary>
    PainPoints,

    /// <summary>Cards that show linked opportunities.</summary>
    Opportunities,

    /// <summary>The channels in use at each touchpoint.</summary>
    Channels,

    /// <summary>What the organisation does out of the customer's sight.</summary>
    Backstage,

    /// <summary>The internal owners of each touchpoint.</summary>
    Owners,

    /// <summary>The measures watched at each touchpoint.</summary>
    Kpis,

    /// <summary>Research notes, quotes and data behind the map.</summary>
    Evidence,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A picture per touchpoint (sketches, screenshots).</summary>
    Image,
}
