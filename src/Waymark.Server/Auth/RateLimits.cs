namespace Waymark.Server.Auth;

/// <summary>Rate-limit policy names.</summary>
internal static class RateLimits
{
    /// <summary>Sign-in and sign-up attempts per client address.</summary>
    public const string SignIn = "sign-in";
}
