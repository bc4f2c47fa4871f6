namespace Waymark.Analytics.Variants;

/// <summary>The variants of a log.</summary>
/// <param name="Cases">Customers with at least one event; equals the sum of the variant counts.</param>
/// <param name="Variants">By count descending, ties by first appearance (the first customer, in log order, to follow it).</param>
public sealed record VariantsReport(long Cases, IReadOnlyList<Variant> Variants);
