using System.Security.Cryptography;
using System.Text;

namespace Waymark.Application.Accounts;

/// <summary>Bearer secrets (API tokens, write keys): a prefix that secret scanners can find, then 32 random bytes in
/// base64url (43 characters); stored only as their SHA-256.</summary>
public static class SecretTokens
{
    /// <summary>The length of a token after its prefix.</summary>
    public const int RandomLength = 43;

    /// <summary>A new token with the prefix.</summary>
    public static string New(string prefix) => prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether the text has the shape of a token with this prefix (the store is asked only then).</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? plainText, string prefix) =>
        plainText is not null && plainText.Length == prefix.Length + RandomLength && plainText.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>SHA-256 of the token, lowercase hex.</summary>
    public static string Hash(string plainText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));
}
