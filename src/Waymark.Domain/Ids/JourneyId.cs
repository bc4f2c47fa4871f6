namespace Waymark.Domain.Ids;

/// <summary>Identifies one journey. Time-ordered (UUID version 7), so new ids sort after older ones.</summary>
/// <param name="Value">The underlying UUID; never <see cref="Guid.Empty"/> for a stored journey.</param>
public readonly record struct JourneyId(Guid Value)
{
    /// <summary>A new, time-ordered id.</summary>
    public static JourneyId New() => new(Guid.CreateVersion7());

    /// <summary>The id in its canonical lowercase hyphenated form.</summary>
    public override string ToString() => Value.ToString("D");
}
