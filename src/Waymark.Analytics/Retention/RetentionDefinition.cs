namespace Waymark.Analytics.Retention;

/// <summary>What a retention report counts.</summary>
/// <param name="StartEvent">The event that puts a customer in the cohort of the period of its first occurrence.</param>
/// <param name="ReturnEvent">The event that counts as coming back (may equal the start event).</param>
/// <param name="Period">Day, week or month.</param>
/// <param name="TimeZone">The calendar the periods follow (periods start at local midnight); UTC when null.</param>
/// <param name="Periods">How many periods after the cohort's own to report (period 0 is the cohort's own).</param>
/// <param name="OnOrAfter">False: a customer counts in period k if they returned in period k. True: if they returned in period k or any later one.</param>
public sealed record RetentionDefinition(string StartEvent, string ReturnEvent, RetentionPeriod Period = RetentionPeriod.Week, TimeZoneInfo? TimeZone = null, int Periods = 8, bool OnOrAfter = false);
