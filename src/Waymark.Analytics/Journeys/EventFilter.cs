namespace Waymark.Analytics.Journeys;

/// <summary>Which recorded events count as a touchpoint: the event name, optionally its channel, and conditions
/// on its properties.</summary>
/// <param name="Activity">The event name, compared ordinally.</param>
/// <param name="Channel">The channel the event must come from, or null for any.</param>
/// <param name="Conditions">Conditions on the event's properties, all of which must hold; may be empty.</param>
public sealed record EventFilter(string Activity, string? Channel, IReadOnlyList<PropertyFilter> Conditions);

/// <summary>A condition on one property of an event or a customer.</summary>
/// <param name="Property">The property's name, compared ordinally.</param>
/// <param name="Operator">How the value is compared.</param>
/// <param name="Value">The value to compare with; ignored by <see cref="FilterOperator.Exists"/>.</param>
public sealed record PropertyFilter(string Property, FilterOperator Operator, string? Value)
{
    /// <summary>Whether a property value (null when the property is missing) meets the condition.</summary>
    public bool Holds(string? value) => Operator switch
    {
        FilterOperator.Equals => value is not null && string.Equals(value, Value, StringComparison.Ordinal),
        FilterOperator.NotEquals => !string.Equals(value, Value, StringComparison.Ordinal),
        FilterOperator.Contains => value is not null && Value is not null && value.Contains(Value, StringComparison.Ordinal),
        _ => value is not null,
    };
}

/// <summary>How a property condition compares a value.</summary>
public enum FilterOperator
{
    /// <summary>The property equals the value (ordinal).</summary>
    Equals,

    /// <summary>The property is missing or differs from the value.</summary>
    NotEquals,

    /// <summary>The property contains the value (ordinal).</summary>
    Contains,

    /// <summary>The property is present.</summary>
    Exists,
}
