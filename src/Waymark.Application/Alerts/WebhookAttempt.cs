namespace Waymark.Application.Alerts;

/// <summary>One attempt at a delivery.</summary>
/// <param name="Attempt">1 for the first.</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when there was none.</param>
/// <param name="Error">What went wrong without a status (timeout, refused connection), or null.</param>
/// <param name="DurationMilliseconds">How long it took.</param>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, long DurationMilliseconds);
