namespace Waymark.Analytics.Surveys;

/// <summary>A survey score with its 95% confidence interval.</summary>
/// <param name="Metric">Which measure.</param>
/// <param name="Responses">How many answers (n).</param>
/// <param name="Score">NPS in points (−100…100), CSAT in percent (0…100), CES as a mean (1…7); null without answers.</param>
/// <param name="Low">The interval's lower bound, clipped to the metric's range; null when n is too small.</param>
/// <param name="High">The interval's upper bound, clipped likewise.</param>
public sealed record SurveyScore(SurveyMetric Metric, long Responses, double? Score, double? Low, double? High);
