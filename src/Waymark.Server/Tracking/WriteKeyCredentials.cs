using System.Text;
using Microsoft.AspNetCore.Http;

namespace Waymark.Server.Tracking;

/// <summary>Where a write key may come: HTTP Basic with the key as user name (Segment's libraries), a bearer token,
/// the <c>X-Write-Key</c> header, or the body's <c>writeKey</c> (analytics.js in a browser).</summary>
internal static class WriteKeyCredentials
{
    public const string Header = "X-Write-Key";

    /// <summary>The key the headers carry, or null; <paramref name="malformed"/> when an Authorization header is unreadable.</summary>
    public static string? FromHeaders(HttpRequest request, out bool malformed)
    {
        malformed = false;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? decoded : decoded[..colon];
            }
            catch (FormatException)
            {
                malformed = true;
                return null;
            }
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        return request.Headers[Header].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }
}
