namespace Waymark.Application.Alerts;

/// <summary>Where a workspace's alert notifications are posted, signed with the endpoint's own secret
/// (HMAC-SHA256, the Standard Webhooks scheme).</summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="Name">What the team called it.</param>
/// <param name="Url">An http or https address.</param>
/// <param name="Secret"><c>whsec_</c> and 32 random bytes in base64; shown when the endpoint is made.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record WebhookEndpoint(Guid Id, string Name, Uri Url, string Secret, DateTimeOffset CreatedAt);
