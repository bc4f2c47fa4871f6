namespace Waymark.Domain.Journeys;

/// <summary>How a property condition compares a property's value.</summary>
public enum MatchOperator
{
    /// <summary>The property equals the value, ordinal and case-sensitive.</summary>
    Equals,

    /// <summary>The property is missing or differs from the value.</summary>
    NotEquals,

    /// <summary>The property contains the value, ordinal and case-sensitive.</summary>
    Contains,

    /// <summary>The property is present, whatever its value.</summary>
    Exists,
}
