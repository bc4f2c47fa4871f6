using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waymark.Application.Accounts;
using Waymark.Application.Demo;
using Waymark.Application.Events;
using Waymark.Application.Journeys;
using Waymark.Application.Journeys.Documents;
using Waymark.Application.Json;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;
using Waymark.Domain.Personas;
using Waymark.Domain.Segments;
using Waymark.Server.Alerts;
using Waymark.Server.Analytics;
using Waymark.Application.Alerts;
using Waymark.Server.Auth;
using Waymark.Server.Errors;
using Waymark.Server.Events;
using Waymark.Server.Evidence;
using Waymark.Server.Journeys;
using Waymark.Server.Live;
using Waymark.Server.Tracking;
using Waymark.Application.Tracking;
using Waymark.Server.Personas;
using Waymark.Server.Workspaces;
using Waymark.Storage.PostgreSql;
using Waymark.Storage.Sqlite;

namespace Waymark.Server.Hosting;

/// <summary>Builds and starts the Waymark server: the CLI's <c>serve</c> and the tests use the same host.</summary>
public static class WaymarkApp
{
    /// <summary>The demo credentials file in the data folder (readable only by its owner).</summary>
    public const string DemoCredentialsFile = "demo-account.txt";

    /// <summary>Builds the application with its services and routes; nothing runs until <see cref="StartAsync"/>.</summary>
    public static WebApplication Build(WaymarkServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Analytics requests run parallel loops that hold their calling thread; with the pool's default minimum (one
        // thread per core) a few dashboards starve ingestion requests for the seconds the pool takes to grow
        // (measured: ingestion p99 2.0 s under 4 dashboard users). Threads beyond the cores are cheap by comparison.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completionPorts);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.Services.AddWaymark(options);
        // Stopping waits for requests in flight; a connection a browser opened ahead and never used would otherwise
        // hold it for the framework's default 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        app.UseWaymark(options);
        return app;
    }

    /// <summary>Applies migrations, seeds the demo when asked, then starts listening.</summary>
    /// <returns>The demo credentials ("email password"), or null when the demo is off.</returns>
    public static async Task<string?> StartAsync(WebApplication app, WaymarkServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Waymark");
        var applied = await app.Services.GetRequiredService<IMigrator>().MigrateAsync(cancellationToken);
        var migrations = applied.Count == 0 ? "none (up to date)" : string.Join(", ", applied);
        var provider = app.Services.GetRequiredService<IStoreHealth>().Provider;
        Log.Migrated(logger, provider, migrations);
        var credentials = options.SeedDemo ? await SeedDemoAsync(app.Services, options, logger, cancellationToken) : null;
        await app.StartAsync(cancellationToken);
        return credentials;
    }

    private static async Task<string?> SeedDemoAsync(IServiceProvider services, WaymarkServerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.DataDirectory, DemoCredentialsFile);
        var password = await services.GetRequiredService<DemoWorkspaceSeeder>().SeedAsync(cancellationToken);
        if (password is not null)
        {
            Directory.CreateDirectory(options.DataDirectory);
            await File.WriteAllTextAsync(file, $"{DemoWorkspaceSeeder.Email} {password}\n", cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Log.DemoSeeded(logger);
        }

        return File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null;
    }

    private static void AddWaymark(this IServiceCollection services, WaymarkServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            services.AddSqliteStorage(options.DataDirectory);
        }
        else
        {
            services.AddPostgreSqlStorage(options.PostgresConnectionString);
        }

        services.AddSingleton<IPasswordHasher, FrameworkPasswordHasher>();
        services.AddSingleton<SignUpCommand>();
        services.AddSingleton<SignInCommand>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<MembershipCommands>();
        services.AddSingleton<CreateJourneyCommand>();
        services.AddSingleton<EditJourneyCommand>();
        services.AddSingleton<DuplicateJourneyCommand>();
        services.AddSingleton<ImportJourneyDocumentCommand>();
        services.AddSingleton<ExportJourneyDocumentQuery>();
        services.AddSingleton<DemoWorkspaceSeeder>();
        services.AddSingleton(provider => new WorkspaceEventIndex(provider.GetRequiredService<IEventStore>(), Path.Combine(options.DataDirectory, "snapshots")));
        services.AddSingleton<ImportEventsCommand>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<WriteKeys>();
        services.AddSingleton<TrackingWriter>();
        services.AddSingleton<WriteKeyRateLimiter>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<LiveUpdates>();
        services.AddHostedService<TrackingHostedService>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertCommands>();
        services.AddSingleton(provider => new WebhookDispatcher(provider.GetRequiredService<IAlertStore>(),
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), provider.GetRequiredService<TimeProvider>(), options.WebhookRetryDelays));
        services.AddHostedService<AlertHostedService>();
        services.AddSignalR().AddJsonProtocol(json => WaymarkJson.Configure(json.PayloadSerializerOptions));
        services.AddSingleton(provider => new WorkspaceObjectCommands<Persona>(provider.GetRequiredService<IWorkspaceObjectStore<Persona>>(), WorkspaceObjectKind<Persona>.Personas, persona => persona.Validate()));
        services.AddSingleton(provider => new WorkspaceObjectCommands<Segment>(provider.GetRequiredService<IWorkspaceObjectStore<Segment>>(), WorkspaceObjectKind<Segment>.Segments, segment => segment.Validate()));

        services.Configure<JsonOptions>(json => WaymarkJson.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<WaymarkExceptionHandler>();
        services.AddOpenApi(openApi => openApi.AddSchemaTransformer(OpenApiSchemas.DescribeIdsAsUuids).AddDocumentTransformer(OpenApiSchemas.DescribeDocument));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys"))).SetApplicationName("Waymark");
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AuthSchemes.AntiforgeryHeader;
            antiforgery.Cookie.Name = AuthSchemes.AntiforgeryCookieName(options.SecureCookies);
            antiforgery.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        AddAuthentication(services, options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ProblemResults.For(new Error("rate-limit.exceeded", "Too many attempts from your address; wait a minute.", ErrorKind.TooManyRequests)).ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static void AddAuthentication(IServiceCollection services, WaymarkServerOptions options)
    {
        services.AddAuthentication(AuthSchemes.Either)
            .AddPolicyScheme(AuthSchemes.Either, "Session cookie or API token", policy =>
                policy.ForwardDefaultSelector = context => context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.Token : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = AuthSchemes.CookieName(options.SecureCookies);
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => ProblemResults.For(new Error("auth.required", "Sign in, or send an API token as Authorization: Bearer wmk_…", ErrorKind.Unauthorized)).ExecuteAsync(context.HttpContext);
                cookie.Events.OnRedirectToAccessDenied = context => ProblemResults.For(new Error("auth.forbidden", "Your role does not allow this.", ErrorKind.Forbidden)).ExecuteAsync(context.HttpContext);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.Token, _ => { });
        services.AddAuthorization();
    }

    private static void UseWaymark(this WebApplication app, WaymarkServerOptions options)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            if (context.HttpContext.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                await ProblemResults.For(new Error("auth.required", "Sign in, or send an API token as Authorization: Bearer wmk_…", ErrorKind.Unauthorized)).ExecuteAsync(context.HttpContext);
            }
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        EmbeddedWebApp.Use(app);
        app.UseRouting();
        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseMiddleware<IngestCorsMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryMiddleware>();
        app.UseMiddleware<WorkspaceAccessMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", async (IStoreHealth store, CancellationToken cancellationToken) =>
        {
            await store.CheckAsync(cancellationToken);
            return Results.Ok(new { status = "ok", store = store.Provider });
        }).AllowAnonymous().WithTags("Health");
        app.MapGet(JourneyDocument.SchemaAddress, () => Results.Bytes(JourneyDocumentFormat.Schema, "application/schema+json")).AllowAnonymous().WithTags("Journey documents");

        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapIngestEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        api.MapPost("/documents/validate", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync(request, options.MaxDocumentBytes, cancellationToken);
            var read = body.IsSuccess ? JourneyDocumentFormat.Read(body.Value.Span) : Result<JourneyDocument>.Failure(body.Error);
            return read.IsSuccess ? Results.Ok(new { valid = true, journey = read.Value.Journey.Name }) : ProblemResults.For(read.Error);
        }).RequireAuthorization().WithTags("Journey documents").Accepts<JourneyDocument>("application/json");

        var workspace = api.MapGroup("/workspaces/{workspaceId:guid}").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapWorkspaceEndpoints(workspace);
        workspace.MapJourneyEndpoints(options);
        workspace.MapJourneyPartEndpoints();
        workspace.MapPersonaEndpoints();
        workspace.MapEventEndpoints(options);
        workspace.MapAnalyticsEndpoints();
        workspace.MapEvidenceEndpoints();
        workspace.MapTrackingEndpoints();
        workspace.MapAlertEndpoints();
        api.MapFallback(() => ProblemResults.For(Error.NotFound("route", "There is no such API route.")));
    }
}
