using System.Globalization;

namespace Waymark.Application.Ingestion;

/// <summary>Parses the timestamps event files carry into UTC milliseconds.</summary>
/// <remarks>ISO 8601 with or without 'T', fractions and offsets ("2011-10-11 13:45:40.276000+02:00"); a value without
/// an offset is taken as UTC. Anything else is a bad row, never a guess.</remarks>
public static class Timestamps
{
    /// <summary>UTC milliseconds since the Unix epoch, or null when the text is not a timestamp.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUnixTimeMilliseconds()
            : null;
    }
}
