namespace Waymark.Analytics.Retention;

/// <summary>Retention by cohort, oldest first.</summary>
/// <param name="Cohorts">One entry per period that has a cohort.</param>
public sealed record RetentionReport(IReadOnlyList<RetentionCohort> Cohorts);
