using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Waymark.Testing;

/// <summary>Sends to the ingestion API as a tracking library would: HTTP Basic with the write key as user name.</summary>
public sealed class IngestClient(Uri baseAddress, string? writeKey) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress };

    /// <summary>Creates a write key in the workspace (as its owner) and returns a client that sends with it.</summary>
    public static async Task<(IngestClient Client, string Key, string KeyId)> CreateAsync(Session owner, Uri baseAddress, Guid workspaceId, string name = "Test site")
    {
        ArgumentNullException.ThrowIfNull(owner);
        var response = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/write-keys", new { name });
        await owner.ExpectAsync(response, System.Net.HttpStatusCode.Created);
        var created = await Session.ReadAsync(response);
        var key = created["writeKey"]!.GetValue<string>();
        return (new IngestClient(baseAddress, key), key, created["key"]!["id"]!.GetValue<string>());
    }

    public HttpClient Http => _client;

    /// <summary>Posts a raw body to a route with the given content type and encoding.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string route, byte[] body, string contentType = "application/json", string? encoding = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        request.Content = content;
        if (writeKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:")));
        }

        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var response = await _client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Posts a batch of events (JSON text of the messages) to <c>/api/v1/ingest/batch</c>.</summary>
    public Task<HttpResponseMessage> BatchAsync(string messages, string? sentAt = null) =>
        PostRawAsync("/api/v1/ingest/batch", Encoding.UTF8.GetBytes(sentAt is null ? $"{{\"batch\":[{messages}]}}" : $"{{\"sentAt\":\"{sentAt}\",\"batch\":[{messages}]}}"));

    /// <summary>Posts survey answers (JSON text of the messages) to <c>/api/v1/ingest/responses</c>.</summary>
    public Task<HttpResponseMessage> ResponsesAsync(string messages) =>
        PostRawAsync("/api/v1/ingest/responses", Encoding.UTF8.GetBytes($"{{\"batch\":[{messages}]}}"));

    /// <summary>A track message's JSON.</summary>
    public static string Track(string messageId, string customer, string name, DateTimeOffset time, string? channel = null) =>
        new JsonObject
        {
            ["type"] = "track", ["messageId"] = messageId, ["userId"] = customer, ["event"] = name, ["timestamp"] = time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["properties"] = channel is null ? new JsonObject() : new JsonObject { ["channel"] = channel },
        }.ToJsonString();

    /// <summary>Gzips bytes.</summary>
    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
