using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Waymark.Server.Hosting;

namespace Waymark.Server.Tracking;

/// <summary>A token bucket per write key, counted in messages: a key may send
/// <see cref="WaymarkServerOptions.IngestMessagesPerSecondPerKey"/> messages a second on average, and twice that in a
/// burst. Counters live in this process.</summary>
internal sealed class WriteKeyRateLimiter(WaymarkServerOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<WriteKeyId, TokenBucketRateLimiter> _buckets = new();

    /// <summary>Null when the key may send <paramref name="messages"/> now, else the seconds to wait.</summary>
    public int? RetryAfterSeconds(WriteKeyId keyId, int messages)
    {
        var rate = Math.Max(1, options.IngestMessagesPerSecondPerKey);
        var bucket = _buckets.GetOrAdd(keyId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2 * rate, TokensPerPeriod = Math.Max(1, rate / 10), ReplenishmentPeriod = TimeSpan.FromMilliseconds(100), QueueLimit = 0, AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire(Math.Min(messages, 2 * rate));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
