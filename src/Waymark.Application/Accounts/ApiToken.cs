namespace Waymark.Application.Accounts;

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="UserId">The user it acts as.</param>
/// <param name="Name">What the user called it.</param>
/// <param name="Hash">SHA-256 of the token, lowercase hex.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="LastUsedAt">When it last authenticated a request (UTC), or null.</param>
public sealed record ApiToken(ApiTokenId Id, UserId UserId, string Name, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
