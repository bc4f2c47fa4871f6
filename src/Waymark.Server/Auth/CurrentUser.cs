using System.Security.Claims;

namespace Waymark.Server.Auth;

/// <summary>Reads the signed-in user's id from the principal.</summary>
internal static class CurrentUser
{
    public static UserId? IdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } value && Guid.TryParse(value, out var id) ? new UserId(id) : null;

    public static UserId Require(ClaimsPrincipal principal) =>
        IdOf(principal) ?? throw new InvalidOperationException("The endpoint requires authorization, so a user is present.");

    public static ClaimsPrincipal Principal(UserId userId, string email, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Email, email)], scheme));
}
