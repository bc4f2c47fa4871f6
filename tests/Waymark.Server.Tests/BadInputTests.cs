using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Waymark.Testing;

namespace Waymark.Server.Tests;

/// <summary>Bad input gets the right status and a problem detail with a stable code, and nothing is half-written.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private WaymarkTestServer _server = null!;
    private Session _owner = null!;
    private Guid _workspace;

    public async Task InitializeAsync()
    {
        _server = await WaymarkTestServer.StartAsync(configure: options => options.MaxBodyBytes = 64 * 1024);
        _owner = await _server.SignUpAsync();
        _workspace = await _owner.FirstWorkspaceAsync();
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _server.DisposeAsync();
    }

    private string Journeys => $"/api/v1/workspaces/{_workspace}/journeys";

    private async Task<(string Id, string ETag)> CreateJourneyAsync(string template = "purchase")
    {
        var response = await _owner.PostAsync(Journeys, new { name = "Checkout", template });
        await _owner.ExpectAsync(response, HttpStatusCode.Created);
        return ((await Session.ReadAsync(response))["id"]!.GetValue<string>(), response.Headers.ETag!.Tag);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _owner.SendRawAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task MalformedJson_Is400WithPath()
    {
        var body = await Session.ExpectProblemAsync(await PostRawAsync(Journeys, "{\"name\": \"x\", "), HttpStatusCode.BadRequest, "request.invalid-json");

        Assert.NotNull(body["errors"]);
        Assert.Empty(await _owner.GetJsonAsync(Journeys) as System.Text.Json.Nodes.JsonArray ?? []);
    }

    [Fact]
    public async Task UnknownField_Is400NamingIt()
    {
        var body = await Session.ExpectProblemAsync(await PostRawAsync(Journeys, "{\"name\": \"x\", \"colour\": \"red\"}"), HttpStatusCode.BadRequest, "request.invalid-json");

        Assert.Contains("colour", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongType_Is400WithPath()
    {
        var body = await Session.ExpectProblemAsync(await PostRawAsync(Journeys, "{\"name\": 42}"), HttpStatusCode.BadRequest, "request.invalid-json");

        Assert.Contains("$.name", body["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyName_Is400NamingTheField()
    {
        var body = await Session.ExpectProblemAsync(await _owner.PostAsync(Journeys, new { name = "  " }), HttpStatusCode.BadRequest, "validation.failed");

        Assert.NotNull(body["errors"]!["name"]);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var huge = "{\"name\": \"" + new string('x', 200 * 1024) + "\"}";

        await Session.ExpectProblemAsync(await PostRawAsync(Journeys, huge), HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Fact]
    public async Task StaleIfMatch_Is409WithCurrentVersion_AndNothingOverwritten()
    {
        var (id, etag) = await CreateJourneyAsync();
        await _owner.ExpectAsync(await _owner.PatchAsync($"{Journeys}/{id}", new { name = "First" }, etag), HttpStatusCode.OK);

        var body = await Session.ExpectProblemAsync(await _owner.PatchAsync($"{Journeys}/{id}", new { name = "Second" }, etag), HttpStatusCode.Conflict, "journey.version-conflict");

        Assert.Equal(2, body["currentVersion"]!.GetValue<long>());
        Assert.Equal("First", (await _owner.GetJsonAsync($"{Journeys}/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentEditsWithoutIfMatch_AreAllApplied()
    {
        var (id, _) = await CreateJourneyAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _owner.PostAsync($"{Journeys}/{id}/stages", new { name = $"Extra {i}" })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var journey = await _owner.GetJsonAsync($"{Journeys}/{id}");
        Assert.Equal(9, journey["stages"]!.AsArray().Count);
        Assert.Equal(5, journey["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task MoveToImpossiblePosition_Is400AndJourneyUnchanged()
    {
        var (id, etag) = await CreateJourneyAsync();
        var stage = (await _owner.GetJsonAsync($"{Journeys}/{id}"))["stages"]![0]!["id"]!.GetValue<string>();

        await Session.ExpectProblemAsync(await _owner.PostAsync($"{Journeys}/{id}/stages/{stage}/move", new { position = 99 }), HttpStatusCode.BadRequest, "position.out-of-range");

        var after = await _owner.GetAsync($"{Journeys}/{id}");
        Assert.Equal(etag, after.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task DuplicateStageName_Is409()
    {
        var (id, _) = await CreateJourneyAsync();

        await Session.ExpectProblemAsync(await _owner.PostAsync($"{Journeys}/{id}/stages", new { name = "aware" }), HttpStatusCode.Conflict, "stage.name-taken");
    }

    [Fact]
    public async Task DuplicatePersonaName_Is409()
    {
        var personas = $"/api/v1/workspaces/{_workspace}/personas";
        await _owner.ExpectAsync(await _owner.PostAsync(personas, new { name = "Maya" }), HttpStatusCode.Created);

        await Session.ExpectProblemAsync(await _owner.PostAsync(personas, new { name = "MAYA" }), HttpStatusCode.Conflict, "persona.name-taken");
    }

    [Fact]
    public async Task IdOfAnotherWorkspacesJourney_Is404()
    {
        var (id, _) = await CreateJourneyAsync();
        using var other = await _server.SignUpAsync();
        var otherWorkspace = await other.FirstWorkspaceAsync();

        await Session.ExpectProblemAsync(await other.GetAsync($"/api/v1/workspaces/{otherWorkspace}/journeys/{id}"), HttpStatusCode.NotFound, "journey.not-found");
    }

    [Fact]
    public async Task InvalidDocumentImport_Is400WithEachPath_AndNothingImported()
    {
        var (id, _) = await CreateJourneyAsync();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await _owner.Client.GetStringAsync($"{Journeys}/{id}/document"))!;
        document["journey"]!["mood"] = "sunny";
        document["journey"]!["stages"]![0]!["touchpoints"]![0]!["channel"] = "Not A Slug";

        var body = await Session.ExpectProblemAsync(await PostRawAsync($"{Journeys}/import", document.ToJsonString()), HttpStatusCode.BadRequest, "document.invalid");

        Assert.NotNull(body["errors"]!["$.journey.mood"]);
        Assert.NotNull(body["errors"]!["$.journey.stages[0].touchpoints[0].channel"]);
        Assert.Single((await _owner.GetJsonAsync(Journeys)).AsArray());
    }

    [Fact]
    public async Task CookieWriteWithoutAntiforgeryToken_Is400()
    {
        var response = await _owner.Client.PostAsync(Journeys, new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json"));

        await Session.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "auth.antiforgery");
    }

    [Fact]
    public async Task ApiToken_WritesWithoutAntiforgery_AndRevokedTokenIsRefused()
    {
        var created = await Session.ReadAsync(await _owner.PostAsync("/api/v1/auth/tokens", new { name = "cli" }));
        var token = created["token"]!.GetValue<string>();
        using var client = _server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Journeys, new StringContent("{\"name\":\"From the CLI\"}", Encoding.UTF8, "application/json"))).StatusCode);
        await _owner.ExpectAsync(await _owner.DeleteAsync($"/api/v1/auth/tokens/{created["id"]!.GetValue<string>()}"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Journeys)).StatusCode);
    }

    [Fact]
    public async Task SignUp_CommonPassword_Is400OnPassword()
    {
        using var client = _server.Anonymous();
        var response = await client.PostAsync("/api/v1/auth/sign-up", new StringContent("{\"email\":\"new@example.com\",\"password\":\"password123\",\"displayName\":\"New\"}", Encoding.UTF8, "application/json"));

        var body = await Session.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotNull(body["errors"]!["password"]);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var email = $"lock-{Guid.NewGuid():N}@example.com";
        (await _server.SignUpAsync(email)).Dispose();
        using var client = _server.Anonymous();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await client.PostAsync("/api/v1/auth/sign-in", new StringContent($"{{\"email\":\"{email}\",\"password\":\"wrong password {attempt}\"}}", Encoding.UTF8, "application/json"));
        }

        await Session.ExpectProblemAsync(last!, HttpStatusCode.TooManyRequests, "auth.locked");
        Assert.NotNull(last!.Headers.RetryAfter);
        var correct = await client.PostAsync("/api/v1/auth/sign-in", new StringContent($"{{\"email\":\"{email}\",\"password\":\"correct horse battery staple\"}}", Encoding.UTF8, "application/json"));
        await Session.ExpectProblemAsync(correct, HttpStatusCode.TooManyRequests, "auth.locked");
    }

    [Fact]
    public async Task SignIn_UnknownEmailAndWrongPassword_GiveTheSameAnswer()
    {
        using var client = _server.Anonymous();

        var unknown = await client.PostAsync("/api/v1/auth/sign-in", new StringContent("{\"email\":\"nobody@example.com\",\"password\":\"whatever123\"}", Encoding.UTF8, "application/json"));

        await Session.ExpectProblemAsync(unknown, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task LastOwner_CannotBeDemoted()
    {
        await Session.ExpectProblemAsync(await _owner.PutAsync($"/api/v1/workspaces/{_workspace}/members/{_owner.UserId}", new { role = "viewer" }), HttpStatusCode.Conflict, "member.last-owner");
    }
}

/// <summary>A store that goes down answers 503 with Retry-After, never a 500 with a stack trace; it recovers when the store does.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task PostgreSqlDown_Is503ThenRecovers()
    {
        var connectionString = TestPostgres.CreateDatabase();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var server = await WaymarkTestServer.StartAsync(postgres: connectionString);
        using var owner = await server.SignUpAsync();
        var workspace = await owner.FirstWorkspaceAsync();

        await SetConnectionsAllowedAsync(database, allowed: false);
        try
        {
            var health = await server.Anonymous().GetAsync("/healthz");
            var write = await owner.PostAsync($"/api/v1/workspaces/{workspace}/journeys", new { name = "During the outage" });

            await Session.ExpectProblemAsync(health, HttpStatusCode.ServiceUnavailable, "store.unavailable");
            await Session.ExpectProblemAsync(write, HttpStatusCode.ServiceUnavailable, "store.unavailable");
            Assert.NotNull(write.Headers.RetryAfter);
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, allowed: true);
        }

        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous().GetAsync("/healthz")).StatusCode);
        Assert.Empty((await owner.GetJsonAsync($"/api/v1/workspaces/{workspace}/journeys")).AsArray());
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", admin);
            await terminate.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
