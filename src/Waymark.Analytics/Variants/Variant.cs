namespace Waymark.Analytics.Variants;

/// <summary>One distinct activity sequence and how many customers followed it.</summary>
/// <param name="Activities">The activities, in the customers' event order.</param>
/// <param name="Count">Customers whose whole sequence is exactly this.</param>
public sealed record Variant(IReadOnlyList<string> Activities, long Count);
