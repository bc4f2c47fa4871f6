namespace Waymark.Application.Accounts;

/// <summary>A person who signs in.</summary>
public sealed record User
{
    /// <summary>The user's id.</summary>
    public required UserId Id { get; init; }

    /// <summary>The sign-in address, trimmed and lowercase; unique.</summary>
    public required string Email { get; init; }

    /// <summary>How the user is shown to others.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The framework's password hash (PBKDF2), never the password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Failed sign-ins since the last success.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Sign-in is refused until this instant (UTC), or null.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
