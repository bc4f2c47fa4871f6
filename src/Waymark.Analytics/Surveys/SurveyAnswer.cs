namespace Waymark.Analytics.Surveys;

/// <summary>One survey answer and where in the journey it was given.</summary>
/// <param name="Metric">The question's measure.</param>
/// <param name="Value">The answer on the metric's scale (NPS 0–10, CSAT 1–5, CES 1–7).</param>
/// <param name="Touchpoint">The touchpoint the answer is about, when known.</param>
/// <param name="Stage">The stage the answer is about, when known.</param>
/// <param name="Segment">The answering customer's segment, when known.</param>
public sealed record SurveyAnswer(SurveyMetric Metric, int Value, string? Touchpoint = null, string? Stage = null, string? Segment = null);
