namespace Waymark.Application.Alerts;

/// <summary>One notification posted to one endpoint, with every attempt: pending until an attempt gets a 2xx, then
/// delivered; dead after the last retry fails (it can be retried by hand).</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="NotificationId">The notification posted (its id is the <c>webhook-id</c>).</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>dead</c>.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending only).</param>
/// <param name="CreatedAt">When the notification fired.</param>
/// <param name="DeliveredAt">When an attempt succeeded.</param>
/// <param name="Log">Each attempt: when, the status code or the error, how long it took.</param>
public sealed record WebhookDelivery(Guid Id, Guid EndpointId, Guid NotificationId, string Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttempt> Log);
