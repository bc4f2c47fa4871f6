namespace Waymark.Application.Generation;

/// <summary>One generated interaction.</summary>
/// <param name="Customer">The customer id.</param>
/// <param name="Activity">The event name.</param>
/// <param name="TimestampMilliseconds">UTC milliseconds since the Unix epoch.</param>
/// <param name="Channel">web, app, email, store, phone or social.</param>
/// <param name="Segment">The customer's segment (a customer property).</param>
/// <param name="Score">For survey answers: the NPS score (0–10); otherwise null.</param>
public readonly record struct GeneratedEvent(string Customer, string Activity, long TimestampMilliseconds, string Channel, string Segment, int? Score);
