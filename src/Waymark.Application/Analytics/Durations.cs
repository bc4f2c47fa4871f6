using System.Globalization;

namespace Waymark.Application.Analytics;

/// <summary>Durations as users write them: a positive number and s, m, h or d ("14d", "30m", "1.5h").</summary>
public static class Durations
{
    /// <summary>The duration, or null when the text is not one.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || text.Length < 2 || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || double.IsInfinity(amount))
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
