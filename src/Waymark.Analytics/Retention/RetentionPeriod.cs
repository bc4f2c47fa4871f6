namespace Waymark.Analytics.Retention;

/// <summary>The calendar unit cohorts and returns are counted in.</summary>
public enum RetentionPeriod
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}
