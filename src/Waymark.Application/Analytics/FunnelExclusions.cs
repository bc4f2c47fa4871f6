using System.Globalization;
using Waymark.Analytics.Funnels;

namespace Waymark.Application.Analytics;

/// <summary>Exclusions as users write them: <c>ACTIVITY:FROM:TO</c> with 1-based steps, FROM &lt; TO ≤ the step count.
/// FROM and TO are read from the right, so an activity name may itself contain colons.</summary>
public static class FunnelExclusions
{
    /// <summary>The exclusion (0-based steps), or null when the text is not one for a funnel of <paramref name="stepCount"/> steps.</summary>
    public static FunnelExclusion? Parse(string text, int stepCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var last = text.LastIndexOf(':');
        var middle = last > 0 ? text.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0
            || !int.TryParse(text.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var fromStep)
            || !int.TryParse(text.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var toStep)
            || fromStep < 1 || toStep <= fromStep || toStep > stepCount)
        {
            return null;
        }

        return new FunnelExclusion(text[..middle], fromStep - 1, toStep - 1);
    }

    /// <summary>What to tell a user whose exclusion did not parse.</summary>
    public static string Problem(string text, int stepCount) =>
        $"'{text}' is not an exclusion: write ACTIVITY:FROM:TO with 1-based steps, FROM < TO <= {stepCount}.";
}
