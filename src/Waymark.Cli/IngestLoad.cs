using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Waymark.Cli;

/// <summary>Load for the ingestion API. Open loop: batches are sent at their scheduled times whatever the server
/// does, and latency is measured from the scheduled time, so a stalled server shows in the tail (no coordinated
/// omission). Closed loop: a fixed number of senders, each sending its next batch when the last one is answered.</summary>
internal sealed class IngestLoad(Uri address, string writeKey) : IDisposable
{
    private static readonly string[] Events = ["Product Viewed", "Cart Added", "Checkout Started", "Order Completed", "Support Contacted"];

    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:"))) },
    };

    /// <summary>One batch: its message ids and its body.</summary>
    public sealed record Batch(string[] MessageIds, byte[] Body);

    /// <summary>What happened to one request.</summary>
    public sealed record Outcome(Batch Batch, HttpStatusCode? Status, TimeSpan Latency, int Duplicates = 0);

    /// <summary>A batch of <paramref name="size"/> track messages with ids <c>{prefix}-{first}…</c>.</summary>
    public static Batch Make(string prefix, long first, int size, DateTimeOffset at)
    {
        var ids = new string[size];
        var body = new StringBuilder("{\"sentAt\":\"").Append(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append("\",\"batch\":[");
        for (var i = 0; i < size; i++)
        {
            var n = first + i;
            ids[i] = $"{prefix}-{n}";
            body.Append(i == 0 ? "" : ",")
                .Append("{\"type\":\"track\",\"messageId\":\"").Append(ids[i]).Append("\",\"userId\":\"customer-").Append(n % 20_000)
                .Append("\",\"event\":\"").Append(Events[n % Events.Length]).Append("\",\"timestamp\":\"").Append(at.AddMilliseconds(-i).ToString("O", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"properties\":{\"channel\":\"").Append((n % 3) switch { 0 => "web", 1 => "app", _ => "store" }).Append("\",\"value\":").Append(n % 997)
                .Append("},\"context\":{\"library\":{\"name\":\"waymark-bench\",\"version\":\"1\"}}}");
        }

        return new Batch(ids, Encoding.UTF8.GetBytes(body.Append("]}").ToString()));
    }

    public async Task<Outcome> SendAsync(Batch batch, long scheduledTimestamp, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(batch.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _client.PostAsync("/api/v1/ingest/batch", content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var latency = Stopwatch.GetElapsedTime(scheduledTimestamp);
            var duplicates = response.StatusCode == HttpStatusCode.OK ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("duplicates").GetInt32() : 0;
            return new Outcome(batch, response.StatusCode, latency, duplicates);
        }
        catch (HttpRequestException)
        {
            return new Outcome(batch, null, Stopwatch.GetElapsedTime(scheduledTimestamp));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(batch, null, Stopwatch.GetElapsedTime(scheduledTimestamp));
        }
    }

    /// <summary>Sends <paramref name="rate"/> messages a second in batches of <paramref name="size"/> for
    /// <paramref name="duration"/> (or until <paramref name="stop"/>), on schedule.</summary>
    public async Task<List<Outcome>> OpenLoopAsync(string prefix, int rate, int size, TimeSpan duration, TimeProvider clock, CancellationToken stop)
    {
        var interval = Stopwatch.Frequency * (double)size / rate;
        var count = (int)Math.Ceiling(duration.TotalSeconds * rate / size);
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task<Outcome>>(count);
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (TaskCanceledException)
                {
                    break;
                }
            }

            sends.Add(SendAsync(Make(prefix, (long)i * size, size, clock.GetUtcNow()), due, CancellationToken.None));
        }

        return [.. await Task.WhenAll(sends)];
    }

    /// <summary>Sends as fast as <paramref name="senders"/> senders can, each waiting for its last answer.</summary>
    public async Task<List<Outcome>> ClosedLoopAsync(string prefix, int senders, int size, TimeSpan duration, TimeProvider clock)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long next = 0;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var batch = Make(prefix, Interlocked.Add(ref next, size) - size, size, clock.GetUtcNow());
                outcomes.Add(await SendAsync(batch, Stopwatch.GetTimestamp(), CancellationToken.None));
            }
        })));
        return [.. outcomes];
    }

    public void Dispose() => _client.Dispose();
}
