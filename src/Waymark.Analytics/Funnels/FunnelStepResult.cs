namespace Waymark.Analytics.Funnels;

/// <summary>One step of a funnel report.</summary>
/// <param name="Name">The step's activity.</param>
/// <param name="Count">Customers who reached this step or a later one (cumulative).</param>
/// <param name="Conversion">Count ÷ count of step 1; null when step 1 has no customers.</param>
/// <param name="StepConversion">Count ÷ count of the previous step; null for step 1 or when the previous count is 0.</param>
/// <param name="DropOff">Count of the previous step − this count; null for step 1.</param>
/// <param name="MeanSeconds">Mean time from the previous step to this one over the customers who reached it, zero durations included; null for step 1 or no customers.</param>
/// <param name="MedianSeconds">The median of the same durations (mean of the two middle values for an even count).</param>
public sealed record FunnelStepResult(string Name, long Count, double? Conversion, double? StepConversion, long? DropOff, double? MeanSeconds, double? MedianSeconds);
