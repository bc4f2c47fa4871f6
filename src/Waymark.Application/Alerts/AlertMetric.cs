namespace Waymark.Application.Alerts;

/// <summary>A touchpoint metric a threshold rule can watch.</summary>
public enum AlertMetric
{
    /// <summary>Share of the customers who reached the touchpoint whose journey ended there without the goal, in percent (higher is worse).</summary>
    DropOff,

    /// <summary>Share of the customers who entered the journey and reached the touchpoint, in percent (lower is worse).</summary>
    Reach,

    /// <summary>Median seconds from the previous mapped event (higher is worse).</summary>
    MedianSeconds,

    /// <summary>NPS, −100 to 100 (lower is worse).</summary>
    Nps,

    /// <summary>CSAT, percent satisfied (lower is worse).</summary>
    Csat,

    /// <summary>CES, 1 to 7 (lower is worse).</summary>
    Ces,
}
