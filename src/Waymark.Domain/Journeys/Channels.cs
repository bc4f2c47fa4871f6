using System.Text.RegularExpressions;

namespace Waymark.Domain.Journeys;

/// <summary>The controlled vocabulary of channels.</summary>
/// <remarks>The vocabulary is extensible: any lowercase slug (a letter, then letters, digits and hyphens,
/// at most 40 characters) is a valid channel; <see cref="Known"/> lists the ones the product knows by name.</remarks>
public static partial class Channels
{
    /// <summary>The channels every workspace starts with.</summary>
    public static IReadOnlyList<string> Known { get; } = ["web", "app", "email", "phone", "chat", "store", "social", "letter", "sms", "video", "in-person"];

    /// <summary>True when <paramref name="channel"/> is a well-formed channel name.</summary>
    public static bool IsValid(string channel) => SlugPattern().IsMatch(channel);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
