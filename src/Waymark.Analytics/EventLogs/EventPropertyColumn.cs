namespace Waymark.Analytics.EventLogs;

/// <summary>One event property (a CSV column, an XES event attribute, a Segment <c>properties</c> field) as a
/// dictionary-encoded column in log order.</summary>
public sealed class EventPropertyColumn
{
    internal EventPropertyColumn(string name, string[] values, int[] index)
    {
        Name = name;
        Values = values;
        Index = index;
    }

    /// <summary>The property's name.</summary>
    public string Name { get; }

    /// <summary>Its distinct values, in order of first appearance.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Per event, in log order, an index into <see cref="Values"/>; −1 where the event has no value.</summary>
    internal int[] Index { get; }

    /// <summary>The value of the event at log position <paramref name="position"/>, or null.</summary>
    public string? ValueAt(int position) => Index[position] < 0 ? null : Values[Index[position]];
}
