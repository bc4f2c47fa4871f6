namespace Waymark.Server.Auth;

/// <summary>The authentication schemes: a session cookie for the browser, bearer API tokens for the API and CLI.</summary>
internal static class AuthSchemes
{
    public const string Cookie = "cookie";
    public const string Token = "token";
    public const string Either = "cookie-or-token";

    /// <summary>The session cookie's name; <c>__Host-</c> only when cookies are Secure (a browser rejects it otherwise).</summary>
    public static string CookieName(bool secure) => secure ? "__Host-waymark" : "waymark";

    /// <summary>The antiforgery cookie's name, prefixed like the session cookie.</summary>
    public static string AntiforgeryCookieName(bool secure) => secure ? "__Host-waymark-af" : "waymark-af";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
}
