namespace Waymark.Domain.Results;

/// <summary>A failure a user can cause, with a stable machine-readable code.</summary>
/// <param name="Code">Stable, dotted, lowercase: <c>journey.not-found</c>. Clients may switch on it.</param>
/// <param name="Message">A sentence for a person; may change between versions.</param>
/// <param name="Kind">Which class of failure this is.</param>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    /// <summary>For validation errors: the problems by field (a JSON path or a property name), each with messages.</summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Extra facts for the client (for a conflict: the current version).</summary>
    public IReadOnlyDictionary<string, object> Details { get; init; } = new Dictionary<string, object>();

    /// <summary>A validation error about one field.</summary>
    public static Error Invalid(string field, string message) =>
        new("validation.failed", message, ErrorKind.Validation) { Fields = new Dictionary<string, string[]> { [field] = [message] } };

    /// <summary>A validation error that lists several fields; the message summarises them.</summary>
    public static Error Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation.failed", fields.Count == 1 ? fields.First().Value[0] : $"{fields.Count} fields are invalid.", ErrorKind.Validation) { Fields = fields };

    /// <summary>A not-found error: <c>{entity}.not-found</c>.</summary>
    public static Error NotFound(string entity, string message) => new($"{entity}.not-found", message, ErrorKind.NotFound);

    /// <summary>A conflict: <c>{code}</c> with kind <see cref="ErrorKind.Conflict"/>.</summary>
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
}
