using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Server.Hosting;

namespace Waymark.Testing;

/// <summary>The real server on Kestrel, on a free loopback port, with its own SQLite folder (or PostgreSQL database).</summary>
public sealed class WaymarkTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDirectory _data;

    private WaymarkTestServer(WebApplication app, TestDirectory data, WaymarkServerOptions options, Uri baseAddress, string? demoCredentials)
    {
        _app = app;
        _data = data;
        Options = options;
        BaseAddress = baseAddress;
        DemoPassword = demoCredentials?.Split(' ')[1];
    }

    public WaymarkServerOptions Options { get; }

    public Uri BaseAddress { get; }

    public string? DemoPassword { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WaymarkTestServer> StartAsync(bool seedDemo = false, string? postgres = null, Action<WaymarkServerOptions>? configure = null)
    {
        var data = new TestDirectory();
        var options = new WaymarkServerOptions { Port = 0, DataDirectory = data.Path, SeedDemo = seedDemo, PostgresConnectionString = postgres, SignInAttemptsPerMinute = 1000 };
        configure?.Invoke(options);
        var app = WaymarkApp.Build(options, logging => logging.SetMinimumLevel(LogLevel.Critical));
        var credentials = await WaymarkApp.StartAsync(app, options, CancellationToken.None);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WaymarkTestServer(app, data, options, new Uri(address), credentials);
    }

    /// <summary>A client with no session.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>Signs up a new user (who gets a workspace of their own) and returns a signed-in session.</summary>
    public async Task<Session> SignUpAsync(string? email = null, string displayName = "Test user")
    {
        var session = new Session(BaseAddress);
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var response = await session.PostAsync("/api/v1/auth/sign-up", new { email, password = "correct horse battery staple", displayName });
        await session.ExpectAsync(response, System.Net.HttpStatusCode.Created);
        await session.AdoptSignInAsync(response);
        return session;
    }

    /// <summary>Signs in an existing user.</summary>
    public async Task<Session> SignInAsync(string email, string password)
    {
        var session = new Session(BaseAddress);
        var response = await session.PostAsync("/api/v1/auth/sign-in", new { email, password });
        await session.ExpectAsync(response, System.Net.HttpStatusCode.OK);
        await session.AdoptSignInAsync(response);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
