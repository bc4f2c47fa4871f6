using Waymark.Application.Accounts;
using Waymark.Application.Workspaces;

namespace Waymark.Application.Storage;

/// <summary>Stores users and their API tokens.</summary>
public interface IAccountStore
{
    /// <summary>Creates a user, their first workspace (if given, with them as owner) and turns pending invitations for
    /// the address into memberships, all in one transaction. False (and nothing written) when the address is taken.</summary>
    Task<bool> CreateUserAsync(User user, Workspace? firstWorkspace, CancellationToken cancellationToken);

    /// <summary>The user with this address (already lowercase), or null.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The user, or null.</summary>
    Task<User?> GetAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Stores the sign-in failure count and lock.</summary>
    Task SetSignInStateAsync(UserId userId, int failedSignIns, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>Stores a new token.</summary>
    Task InsertTokenAsync(ApiToken token, CancellationToken cancellationToken);

    /// <summary>The token with this hash, or null.</summary>
    Task<ApiToken?> FindTokenAsync(string hash, CancellationToken cancellationToken);

    /// <summary>The user's tokens, newest first.</summary>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Revokes one of the user's tokens.</summary>
    Task<WriteOutcome> DeleteTokenAsync(UserId userId, ApiTokenId tokenId, CancellationToken cancellationToken);

    /// <summary>Records that a token was used.</summary>
    Task TouchTokenAsync(ApiTokenId tokenId, DateTimeOffset at, CancellationToken cancellationToken);
}
