namespace Waymark.Domain.Journeys;

/// <summary>Collects validation problems by path, keeping the order they were found in.</summary>
internal sealed class ProblemList
{
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    public void Add(string path, string message)
    {
        if (!_problems.TryGetValue(path, out var messages))
        {
            _problems[path] = messages = [];
        }

        messages.Add(message);
    }

    public void Check(string path, bool holds, string message)
    {
        if (!holds)
        {
            Add(path, message);
        }
    }

    public void Name(string path, string? value, int maxLength = Journey.MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "Required: at least one character that is not a space.");
        }
        else if (value.Length > maxLength)
        {
            Add(path, $"At most {maxLength} characters.");
        }
    }

    public void Text(string path, string? value, int maxLength = Journey.MaxTextLength) =>
        Check(path, value is null || value.Length <= maxLength, $"At most {maxLength} characters.");

    public void Required(string path, string? value, string message) => Check(path, !string.IsNullOrWhiteSpace(value), message);

    public void Absent(string path, string? value, string message) => Check(path, value is null, message);

    public void Range(string path, int value, int min, int max) =>
        Check(path, value >= min && value <= max, $"Must be from {min} to {max}.");

    public void Channel(string path, string? channel) =>
        Check(path, channel is null || Channels.IsValid(channel), "A channel is a lowercase name: a letter, then letters, digits or hyphens (at most 40).");

    public void Unique<T>(string path, IEnumerable<T> items, Func<T, string> key, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(key(item)))
            {
                Add(path, $"Each {what} may appear only once; '{key(item)}' repeats.");
                return;
            }
        }
    }

    public void References<T>(string path, IReadOnlyList<T> ids, Func<T, bool> exists, string what)
    {
        Unique(path, ids, id => id!.ToString()!, what);
        for (var i = 0; i < ids.Count; i++)
        {
            Check($"{path}[{i}]", exists(ids[i]), $"The {what} does not exist in this journey.");
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _problems.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
