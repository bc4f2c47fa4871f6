namespace Waymark.Analytics.Funnels;

/// <summary>How a funnel's steps must be ordered.</summary>
public enum FunnelMode
{
    /// <summary>Steps in order; other events may occur between them.</summary>
    Ordered,

    /// <summary>Steps in order with no other event of the customer between consecutive steps.</summary>
    Strict,

    /// <summary>All steps within the window, in any order.</summary>
    Any,
}
