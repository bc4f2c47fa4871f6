using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Waymark.Cli;

/// <summary>A Waymark server in a child process (so it can be killed with SIGKILL), on a free loopback port, with the
/// bench's own data folder or PostgreSQL database.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly string _data;
    private readonly string? _postgres;
    private readonly int _rate;
    private Process? _process;

    private BenchServer(string data, string? postgres, int rate, int port)
    {
        _data = data;
        _postgres = postgres;
        _rate = rate;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(string data, string? postgres, int rate, CancellationToken cancellationToken)
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new BenchServer(data, postgres, rate, port);
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the process (again) and waits until /healthz answers.</summary>
    public async Task<TimeSpan> RestartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(BenchServer).Assembly.Location, "serve", "--no-demo", "--port", Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", _data, "--ingest-rate", _rate.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Postgres"] = _postgres ?? "";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await client.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer (a busy machine, a cold start) is not a failure: ask again.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("The server did not answer /healthz within 2 minutes of starting.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Signs up a user (who gets a workspace) and creates a write key there; returns also the signed-in
    /// client, which dashboards' queries use.</summary>
    public async Task<(Guid Workspace, string WriteKey, HttpClient Session)> SetUpAsync(CancellationToken cancellationToken)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        var signUp = await client.PostAsJsonAsync("/api/v1/auth/sign-up", new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "correct horse battery staple", displayName = "Bench" }, cancellationToken);
        signUp.EnsureSuccessStatusCode();
        var antiforgery = JsonNode.Parse(await signUp.Content.ReadAsStringAsync(cancellationToken))!["antiforgeryToken"]!.GetValue<string>();
        var workspace = JsonNode.Parse(await client.GetStringAsync("/api/v1/workspaces", cancellationToken))![0]!["id"]!.GetValue<Guid>();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{workspace}/write-keys") { Content = JsonContent.Create(new { name = "Bench" }) };
        request.Headers.Add("X-XSRF-TOKEN", antiforgery);
        var created = await client.SendAsync(request, cancellationToken);
        created.EnsureSuccessStatusCode();
        return (workspace, JsonNode.Parse(await created.Content.ReadAsStringAsync(cancellationToken))!["writeKey"]!.GetValue<string>(), client);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
    }
}
