using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Waymark.Application.Storage;

namespace Waymark.Application.Alerts;

/// <summary>Posts due webhook deliveries from the outbox, signed the Standard Webhooks way: headers
/// <c>webhook-id</c> (the notification's id, the same on every retry, so receivers can deduplicate),
/// <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> (<c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{id}.{timestamp}.{body}</c> under the endpoint's secret). A 2xx delivers; anything else is retried after the
/// next of <see cref="RetryDelays"/>, and after the last the delivery is dead (kept, and retried only by hand).</summary>
public sealed class WebhookDispatcher(IAlertStore alerts, HttpClient http, TimeProvider clock, IReadOnlyList<TimeSpan> retryDelays)
{
    /// <summary>The default waits between attempts: 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h; eight attempts in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];

    /// <summary>How long one attempt may take.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The waits between attempts.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => retryDelays;

    /// <summary>Sends every delivery due now; returns how many attempts were made.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = await alerts.DueDeliveriesAsync(clock.GetUtcNow(), 50, cancellationToken);
        foreach (var (workspaceId, deliveryId, attempts, endpoint, notification) in due)
        {
            var attempt = await SendAsync(endpoint, notification, attempts + 1, cancellationToken);
            var delivered = attempt.StatusCode is >= 200 and < 300;
            var dead = !delivered && attempts >= retryDelays.Count;
            await alerts.RecordAttemptAsync(workspaceId, deliveryId, attempt, delivered ? "delivered" : dead ? "dead" : "pending",
                delivered || dead ? null : attempt.At + retryDelays[attempts], cancellationToken);
        }

        return due.Count;
    }

    /// <summary>The body posted for a notification.</summary>
    public static string Body(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new JsonObject
        {
            ["type"] = notification.Type,
            ["timestamp"] = notification.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["data"] = JsonNode.Parse(notification.Data.ToJsonString())!.AsObject().Also(data => { data["notificationId"] = notification.Id.ToString(); data["title"] = notification.Title; }),
        }.ToJsonString();
    }

    /// <summary>The <c>webhook-signature</c> value for a body.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return $"v1,{Convert.ToBase64String(mac)}";
    }

    private async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, Notification notification, int number, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var body = Body(notification);
        var id = notification.Id.ToString();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Sign(endpoint.Secret, id, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Waymark-Webhooks/1");
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookAttempt(number, at, (int)response.StatusCode, null, watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException exception)
        {
            return new WebhookAttempt(number, at, null, exception.Message, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(number, at, null, $"no answer within {AttemptTimeout.TotalSeconds:0} s", watch.ElapsedMilliseconds);
        }
    }
}
