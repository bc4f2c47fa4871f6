namespace Waymark.Analytics.Surveys;

/// <summary>The score of one group of answers.</summary>
/// <param name="Group">The touchpoint, stage or segment; null for the answers that name none.</param>
/// <param name="Score">The group's score with its n and 95% interval.</param>
public sealed record SurveyGroupScore(string? Group, SurveyScore Score);
