using Waymark.Analytics.Surveys;

namespace Waymark.Analytics.Journeys;

/// <summary>A survey answer tied to a touchpoint of the journey being measured.</summary>
/// <param name="Customer">The answering customer's id, as in the event log.</param>
/// <param name="Touchpoint">The index of the touchpoint the answer is about, in the journey model.</param>
/// <param name="Metric">NPS, CSAT or CES.</param>
/// <param name="Value">The answer on the metric's scale.</param>
/// <param name="Comment">Free text, or null.</param>
/// <param name="TimestampMilliseconds">When it was answered, UTC milliseconds since the Unix epoch.</param>
public sealed record JourneyAnswer(string Customer, int Touchpoint, SurveyMetric Metric, int Value, string? Comment, long TimestampMilliseconds);
