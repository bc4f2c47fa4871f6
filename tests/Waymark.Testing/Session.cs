using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waymark.Application.Json;

namespace Waymark.Testing;

/// <summary>A signed-in API client, as the browser app would be: it keeps the session cookie and sends the
/// antiforgery token on unsafe requests.</summary>
public sealed class Session : IDisposable
{
    private readonly HttpClient _client;
    private string? _antiforgery;

    public Session(Uri baseAddress)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
    }

    public Guid UserId { get; private set; }

    public HttpClient Client => _client;

    public static JsonSerializerOptions Json => WaymarkJson.Options;

    public async Task AdoptSignInAsync(HttpResponseMessage response)
    {
        var body = await ReadAsync(response);
        _antiforgery = body["antiforgeryToken"]!.GetValue<string>();
        UserId = Guid.Parse(body["id"]!.GetValue<string>());
    }

    /// <summary>The first workspace the user belongs to.</summary>
    public async Task<Guid> FirstWorkspaceAsync()
    {
        var list = await GetJsonAsync("/api/v1/workspaces");
        return Guid.Parse(list[0]!["id"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await ReadAsync(response);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? ifMatch = null) => SendAsync(HttpMethod.Post, path, body, ifMatch);

    public Task<HttpResponseMessage> PutAsync(string path, object? body, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, body, ifMatch);

    public Task<HttpResponseMessage> PatchAsync(string path, object? body, string? ifMatch = null) => SendAsync(HttpMethod.Patch, path, body, ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null, null);

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent content, bool antiforgery = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (antiforgery && _antiforgery is not null)
        {
            request.Headers.Add("X-XSRF-TOKEN", _antiforgery);
        }

        return await _client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (_antiforgery is not null)
        {
            request.Headers.Add("X-XSRF-TOKEN", _antiforgery);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The response has no body.");

    /// <summary>Fails with the response body when the status is not the expected one.</summary>
    public async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new Xunit.Sdk.XunitException($"Expected {(int)status} {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Asserts a problem-details answer with the status and code, and returns its body.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Xunit.Assert.Equal(code, body["code"]?.GetValue<string>());
        Xunit.Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return body;
    }

    public void Dispose() => _client.Dispose();
}
