using Waymark.Application.Storage;

namespace Waymark.Application.Accounts;

/// <summary>Checks an address and password, with lockout after repeated failures (OWASP ASVS §6.3).</summary>
/// <remarks>After <see cref="MaxFailures"/> failures in a row the account is locked for <see cref="LockoutLength"/>;
/// a success resets the count. An unknown address costs the same hashing work as a known one and gets the same
/// answer, so addresses cannot be discovered. The per-address lock is paired with a per-client rate limit in the
/// host, so one attacker cannot lock many accounts cheaply.</remarks>
public sealed class SignInCommand(IAccountStore accounts, IPasswordHasher hasher, TimeProvider clock)
{
    /// <summary>Failures in a row that lock the account.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a lock lasts.</summary>
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(5);

    private static string? s_decoyHash;

    /// <summary>Signs in. Errors: <c>auth.invalid-credentials</c> (401), <c>auth.locked</c> (429).</summary>
    public async Task<Result<User>> HandleAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var user = normalized is null ? null : await accounts.FindByEmailAsync(normalized, cancellationToken);
        if (user is null)
        {
            s_decoyHash ??= hasher.Hash("a decoy that no password equals");
            hasher.Verify(s_decoyHash, password ?? "", out _);
            return InvalidCredentials();
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return Locked(lockedUntil - now);
        }

        if (!hasher.Verify(user.PasswordHash, password ?? "", out _))
        {
            var failures = user.FailedSignIns + 1;
            var locks = failures >= MaxFailures;
            await accounts.SetSignInStateAsync(user.Id, locks ? 0 : failures, locks ? now + LockoutLength : null, cancellationToken);
            return locks ? Locked(LockoutLength) : InvalidCredentials();
        }

        if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await accounts.SetSignInStateAsync(user.Id, 0, null, cancellationToken);
        }

        return user;
    }

    private static Error InvalidCredentials() =>
        new("auth.invalid-credentials", "The email address or password is wrong.", ErrorKind.Unauthorized);

    private static Error Locked(TimeSpan wait) =>
        new("auth.locked", "Too many failed sign-ins: this account is locked for a few minutes.", ErrorKind.TooManyRequests)
        {
            Details = new Dictionary<string, object> { ["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds) },
        };
}
