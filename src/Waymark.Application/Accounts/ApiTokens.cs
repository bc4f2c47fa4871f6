using Waymark.Application.Storage;

namespace Waymark.Application.Accounts;

/// <summary>Creates, checks and revokes personal API tokens. A token is <c>wmk_</c> and 43 base64url characters
/// (32 random bytes); only its SHA-256 hash is stored, so a leaked database does not leak tokens.</summary>
public sealed class ApiTokens(IAccountStore accounts, TimeProvider clock)
{
    /// <summary>Every token starts with this, so secret scanners can find leaked ones.</summary>
    public const string Prefix = "wmk_";

    /// <summary>Creates a token and returns it with its plain text, which is shown once and never stored.</summary>
    public async Task<Result<(ApiToken Token, string PlainText)>> CreateAsync(UserId userId, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Error.Invalid("name", "Name the token (1 to 200 characters) so you know where it is used.");
        }

        var plainText = SecretTokens.New(Prefix);
        var token = new ApiToken(ApiTokenId.New(), userId, name.Trim(), Hash(plainText), clock.GetUtcNow(), null);
        await accounts.InsertTokenAsync(token, cancellationToken);
        return (token, plainText);
    }

    /// <summary>The user a token acts as, or null for an unknown or malformed token.</summary>
    public async Task<UserId?> AuthenticateAsync(string plainText, CancellationToken cancellationToken)
    {
        if (!SecretTokens.IsWellFormed(plainText, Prefix))
        {
            return null;
        }

        var token = await accounts.FindTokenAsync(Hash(plainText), cancellationToken);
        if (token is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await accounts.TouchTokenAsync(token.Id, now, cancellationToken);
        }

        return token.UserId;
    }

    /// <summary>SHA-256 of the token, lowercase hex.</summary>
    public static string Hash(string plainText) => SecretTokens.Hash(plainText);
}
