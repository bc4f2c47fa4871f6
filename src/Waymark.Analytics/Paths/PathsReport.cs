namespace Waymark.Analytics.Paths;

/// <summary>A paths report (PostHog Paths v2).</summary>
/// <param name="Sessions">Customer-sessions counted.</param>
/// <param name="Links">By step, then value descending, then source and target (ordinal); drop-off and other last within a value tie.</param>
public sealed record PathsReport(long Sessions, IReadOnlyList<PathLink> Links)
{
    /// <summary>The node a session ends in.</summary>
    public const string DropOff = "$drop-off";

    /// <summary>The node that holds the targets beyond the top ones of a step.</summary>
    public const string Other = "$other";
}
