namespace Waymark.Application.Alerts;

/// <summary>What an alert rule watches.</summary>
public enum AlertKind
{
    /// <summary>A touchpoint's metric against a threshold or its previous window.</summary>
    Threshold,

    /// <summary>Each customer who reached one touchpoint and not another in time.</summary>
    FollowUp,
}
