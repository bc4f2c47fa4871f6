namespace Waymark.Domain.Ids;

/// <summary>Identifies one user. Time-ordered (UUID version 7), so new ids sort after older ones.</summary>
/// <param name="Value">The underlying UUID; never <see cref="Guid.Empty"/> for a stored user.</param>
public readonly record struct UserId(Guid Value)
{
    /// <summary>A new, time-ordered id.</summary>
    public static UserId New() => new(Guid.CreateVersion7());

    /// <summary>The id in its canonical lowercase hyphenated form.</summary>
    public override string ToString() => Value.ToString("D");
}
