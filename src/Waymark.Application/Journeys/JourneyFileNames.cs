namespace Waymark.Application.Journeys;

/// <summary>File names for a journey's exports: its name in lower-case ASCII letters and digits joined by dashes.</summary>
public static class JourneyFileNames
{
    /// <summary>The file name stem for <paramref name="journeyName"/> ("journey" when nothing of it is usable).</summary>
    public static string Stem(string journeyName)
    {
        ArgumentNullException.ThrowIfNull(journeyName);
        var slug = new string(journeyName.ToLowerInvariant().Select(character => char.IsAsciiLetterOrDigit(character) ? character : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "journey" : slug;
    }
}
