namespace Waymark.Domain.Journeys;

/// <summary>A condition on one property of an event or a customer.</summary>
/// <param name="Property">The property's name, compared ordinally.</param>
/// <param name="Operator">How the value is compared.</param>
/// <param name="Value">The value to compare with; null exactly when <paramref name="Operator"/> is <see cref="MatchOperator.Exists"/>.</param>
public sealed record PropertyCondition(string Property, MatchOperator Operator, string? Value);
