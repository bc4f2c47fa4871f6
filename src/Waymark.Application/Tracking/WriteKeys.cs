using System.Collections.Concurrent;
using Waymark.Application.Accounts;
using Waymark.Application.Storage;

namespace Waymark.Application.Tracking;

/// <summary>Creates, lists, revokes and checks write keys. A key is <c>wmw_</c> and 43 base64url characters (32 random
/// bytes); only its SHA-256 is stored. Checks are cached for <see cref="CacheFor"/>, so the ingestion path does not
/// query the store per request; a revocation applies at once on this server and within that time on any other.</summary>
public sealed class WriteKeys(IWriteKeyStore store, TimeProvider clock)
{
    /// <summary>Every write key starts with this, so secret scanners can find leaked ones.</summary>
    public const string Prefix = "wmw_";

    /// <summary>How long a checked key is trusted before the store is asked again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (WriteKey Key, DateTimeOffset CheckedAt)> _checked = new(StringComparer.Ordinal);

    /// <summary>Creates a key and returns it with its plain text, which is shown once and never stored.</summary>
    public async Task<Result<(WriteKey Key, string PlainText)>> CreateAsync(WorkspaceId workspaceId, UserId createdBy, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            return Error.Invalid("name", "Name the key (1 to 200 characters) after the site or system that sends with it.");
        }

        var plainText = SecretTokens.New(Prefix);
        var key = new WriteKey(WriteKeyId.New(), workspaceId, name.Trim(), Hash(plainText), plainText[..10] + "…", createdBy, clock.GetUtcNow(), null, null);
        await store.InsertAsync(key, cancellationToken);
        return (key, plainText);
    }

    /// <summary>The workspace's keys, newest first (hashes and hints only).</summary>
    public Task<IReadOnlyList<WriteKey>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken) => store.ListAsync(workspaceId, cancellationToken);

    /// <summary>Revokes a key; <c>write-key.not-found</c> when the workspace has no such key.</summary>
    public async Task<Result<bool>> RevokeAsync(WorkspaceId workspaceId, WriteKeyId keyId, CancellationToken cancellationToken)
    {
        var outcome = await store.RevokeAsync(workspaceId, keyId, clock.GetUtcNow(), cancellationToken);
        foreach (var (hash, entry) in _checked)
        {
            if (entry.Key.Id == keyId)
            {
                _checked.TryRemove(hash, out _);
            }
        }

        return outcome == WriteOutcome.Done ? true : Error.NotFound("write-key", "The workspace has no such write key.");
    }

    /// <summary>The key a plain text names, or null when it is malformed, unknown or revoked.</summary>
    public async Task<WriteKey?> AuthenticateAsync(string? plainText, CancellationToken cancellationToken)
    {
        if (!SecretTokens.IsWellFormed(plainText, Prefix))
        {
            return null;
        }

        var hash = Hash(plainText);
        var now = clock.GetUtcNow();
        if (!_checked.TryGetValue(hash, out var entry) || now - entry.CheckedAt > CacheFor)
        {
            var key = await store.FindAsync(hash, cancellationToken);
            if (key is null)
            {
                _checked.TryRemove(hash, out _);
                return null;
            }

            if (key.RevokedAt is null && (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1)))
            {
                await store.TouchAsync(key.WorkspaceId, key.Id, now, cancellationToken);
                key = key with { LastUsedAt = now };
            }

            entry = (key, now);
            _checked[hash] = entry;
        }

        return entry.Key.RevokedAt is null ? entry.Key : null;
    }

    /// <summary>SHA-256 of the key, lowercase hex.</summary>
    public static string Hash(string plainText) => SecretTokens.Hash(plainText);
}
