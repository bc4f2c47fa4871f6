namespace Waymark.Analytics.Funnels;

/// <summary>The result of a funnel.</summary>
/// <param name="Steps">One result per step, in the definition's order.</param>
/// <param name="CustomerSteps">For each customer index of the log: the 0-based furthest step reached, −1 when the
/// customer never entered, −2 when excluded. Drill-down reads the customers at a step from here.</param>
/// <param name="Histograms">For each step, the time-to-convert histogram from the previous step: ten equal-width bins
/// from the shortest to the longest time; empty for step 1 and for steps nobody reached.</param>
public sealed record FunnelReport(IReadOnlyList<FunnelStepResult> Steps, IReadOnlyList<int> CustomerSteps, IReadOnlyList<IReadOnlyList<FunnelHistogramBin>> Histograms)
{
    /// <summary>The indexes of the customers who reached <paramref name="step"/> (0-based) or a later one.</summary>
    public IEnumerable<int> CustomersAt(int step) => Enumerable.Range(0, CustomerSteps.Count).Where(customer => CustomerSteps[customer] >= step);
}
