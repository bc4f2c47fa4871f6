namespace Waymark.Application.Tracking;

/// <summary>A workspace's key for the ingestion API; only its SHA-256 hash is stored. Anyone holding the key can send
/// events into the workspace and nothing else, so it may sit in a web page's script.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="WorkspaceId">The workspace it writes into.</param>
/// <param name="Name">What the team called it (the site or system that sends with it).</param>
/// <param name="Hash">SHA-256 of the key, lowercase hex.</param>
/// <param name="Hint">The key's first characters, so a person can tell keys apart.</param>
/// <param name="CreatedBy">The member who created it.</param>
/// <param name="CreatedAt">When (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while it works.</param>
/// <param name="LastUsedAt">When it last authenticated a request (UTC, to the minute), or null.</param>
public sealed record WriteKey(WriteKeyId Id, WorkspaceId WorkspaceId, string Name, string Hash, string Hint, UserId CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
