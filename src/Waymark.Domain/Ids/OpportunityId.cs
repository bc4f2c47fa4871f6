namespace Waymark.Domain.Ids;

/// <summary>Identifies one opportunity. Time-ordered (UUID version 7), so new ids sort after older ones.</summary>
/// <param name="Value">The underlying UUID; never <see cref="Guid.Empty"/> for a stored opportunity.</param>
public readonly record struct OpportunityId(Guid Value)
{
    /// <summary>A new, time-ordered id.</summary>
    public static OpportunityId New() => new(Guid.CreateVersion7());

    /// <summary>The id in its canonical lowercase hyphenated form.</summary>
    public override string ToString() => Value.ToString("D");
}
