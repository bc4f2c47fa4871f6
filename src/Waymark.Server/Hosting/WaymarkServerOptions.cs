namespace Waymark.Server.Hosting;

/// <summary>How the server runs. Defaults: port 5080 on 127.0.0.1, data in ./.waymark-data, SQLite, demo seeded.</summary>
public sealed class WaymarkServerOptions
{
    /// <summary>The address to listen on; 127.0.0.1 by default so a fresh install is not exposed.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Where the SQLite file, data-protection keys and the demo credentials live.</summary>
    public string DataDirectory { get; set; } = ".waymark-data";

    /// <summary>A PostgreSQL connection string; when set, PostgreSQL is the store instead of SQLite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Whether to create the demo account and workspace on a store that has none.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes (1 MiB); journey imports allow <see cref="MaxDocumentBytes"/>.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest journey document accepted, in bytes (8 MiB).</summary>
    public long MaxDocumentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>True when browsers reach the server over HTTPS (Kestrel with TLS, or a TLS proxy in front): cookies are
    /// then Secure with the <c>__Host-</c> prefix. False (the default for http://127.0.0.1) uses the same cookies
    /// without the prefix, since neither browsers nor the framework send Secure cookies over plain HTTP.</summary>
    public bool SecureCookies { get; set; }

    /// <summary>The largest event file an import accepts, in bytes (1 GiB).</summary>
    public long MaxImportBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Messages a second one write key may send to the ingestion API on average (twice that in a burst);
    /// above it requests get 429 with Retry-After.</summary>
    public int IngestMessagesPerSecondPerKey { get; set; } = 20_000;

    /// <summary>How often alert rules are evaluated against the live index.</summary>
    public TimeSpan AlertEvaluationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due webhook deliveries are posted.</summary>
    public TimeSpan WebhookDispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The waits between webhook attempts; after the last, a delivery is dead.</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; set; } = Waymark.Application.Alerts.WebhookDispatcher.DefaultRetryDelays;
}
