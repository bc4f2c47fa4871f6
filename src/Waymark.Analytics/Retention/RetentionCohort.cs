namespace Waymark.Analytics.Retention;

/// <summary>One cohort of a retention report.</summary>
/// <param name="Start">The first local date of the cohort's period.</param>
/// <param name="Size">Customers whose first start event fell in the period.</param>
/// <param name="Retained">Index k: customers of the cohort who returned in period k after it (or later, in on-or-after
/// mode); index 0 counts returns within the cohort's own period after the start event.</param>
public sealed record RetentionCohort(DateOnly Start, long Size, IReadOnlyList<long> Retained);
