namespace Waymark.Application.Accounts;

/// <summary>Normalises and checks sign-in addresses.</summary>
public static class EmailAddress
{
    /// <summary>The address trimmed and lowercased, or null when it is not plausibly an address.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254)
        {
            return null;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1 && !trimmed.Any(char.IsWhiteSpace) ? trimmed : null;
    }
}
