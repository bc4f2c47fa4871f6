namespace Waymark.Domain.Journeys;

/// <summary>Where a pain point is in being dealt with.</summary>
public enum PainPointStatus
{
    /// <summary>Known, not yet worked on.</summary>
    Open,

    /// <summary>Being looked into.</summary>
    Investigating,

    /// <summary>Fixed; kept for history.</summary>
    Resolved,

    /// <summary>Accepted as it is.</summary>
    WontFix,
}
