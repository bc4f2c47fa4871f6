namespace Waymark.Domain.Ids;

/// <summary>Identifies one write key. Time-ordered (UUID version 7), so new ids sort after older ones.</summary>
/// <param name="Value">The underlying UUID; never <see cref="Guid.Empty"/> for a stored write key.</param>
public readonly record struct WriteKeyId(Guid Value)
{
    /// <summary>A new, time-ordered id.</summary>
    public static WriteKeyId New() => new(Guid.CreateVersion7());

    /// <summary>The id in its canonical lowercase hyphenated form.</summary>
    public override string ToString() => Value.ToString("D");
}
