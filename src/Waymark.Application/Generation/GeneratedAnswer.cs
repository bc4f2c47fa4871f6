namespace Waymark.Application.Generation;

/// <summary>One generated survey answer.</summary>
/// <param name="Customer">The answering customer.</param>
/// <param name="Subject">The event name of the touchpoint it is about (journeys resolve it through their matchers).</param>
/// <param name="Metric">nps, csat or ces.</param>
/// <param name="Score">The answer on the metric's scale.</param>
/// <param name="Comment">A comment on low scores, or null.</param>
/// <param name="TimestampMilliseconds">When it was answered.</param>
public readonly record struct GeneratedAnswer(string Customer, string Subject, string Metric, int Score, string? Comment, long TimestampMilliseconds);
