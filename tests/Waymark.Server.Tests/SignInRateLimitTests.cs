using System.Net;
using System.Text;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Per-address rate limit on sign-in: it stops guessing across many accounts, which the per-account lock cannot.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanAllowedPerMinute_Is429WithRetryAfter()
    {
        await using var server = await WaymarkTestServer.StartAsync(configure: options => options.SignInAttemptsPerMinute = 3);
        using var client = server.Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            last = await client.PostAsync("/api/v1/auth/sign-in", new StringContent($"{{\"email\":\"user{attempt}@example.com\",\"password\":\"guess number {attempt}\"}}", Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        await Session.ExpectProblemAsync(last!, HttpStatusCode.TooManyRequests, "rate-limit.exceeded");
        Assert.Equal(TimeSpan.FromSeconds(60), last!.Headers.RetryAfter?.Delta);
    }
}
