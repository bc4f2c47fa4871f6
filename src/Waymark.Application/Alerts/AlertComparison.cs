namespace Waymark.Application.Alerts;

/// <summary>How a threshold rule compares its metric.</summary>
public enum AlertComparison
{
    /// <summary>The value is above the threshold.</summary>
    Above,

    /// <summary>The value is below the threshold.</summary>
    Below,

    /// <summary>The value is worse than over the previous window by at least the threshold.</summary>
    WorsensBy,
}
