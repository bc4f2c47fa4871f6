namespace Waymark.Domain.Journeys;

/// <summary>Insert, move, replace and remove in an ordered list, with the position checks users can fail.</summary>
internal static class OrderedList
{
    public static Result<IReadOnlyList<T>> Insert<T>(IReadOnlyList<T> items, T item, int? position)
    {
        var at = position ?? items.Count;
        if (at < 0 || at > items.Count)
        {
            return OutOfRange(at, items.Count);
        }

        var copy = items.ToList();
        copy.Insert(at, item);
        return copy;
    }

    public static Result<IReadOnlyList<T>> Move<T>(IReadOnlyList<T> items, Func<T, bool> which, int position)
    {
        var index = IndexOf(items, which);
        if (position < 0 || position >= items.Count)
        {
            return OutOfRange(position, items.Count - 1);
        }

        var copy = items.ToList();
        var item = copy[index];
        copy.RemoveAt(index);
        copy.Insert(position, item);
        return copy;
    }

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> which, Func<T, T> change) =>
        items.Select(item => which(item) ? change(item) : item).ToList();

    public static IReadOnlyList<T> Remove<T>(IReadOnlyList<T> items, Func<T, bool> which) =>
        items.Where(item => !which(item)).ToList();

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> which)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (which(items[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The caller checked that the item exists.");
    }

    public static Error OutOfRange(int position, int max) =>
        new("position.out-of-range", $"Position {position} is outside 0 to {max}.", ErrorKind.Validation)
        {
            Fields = new Dictionary<string, string[]> { ["position"] = [$"Must be from 0 to {max}."] },
        };
}
