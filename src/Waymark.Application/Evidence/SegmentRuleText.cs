using Waymark.Analytics.Journeys;

namespace Waymark.Application.Evidence;

/// <summary>Segment rules written as text, for the command line and query strings: conditions joined by
/// <c> and </c> (all must hold) or <c> or </c> (one suffices), each <c>property=value</c>, <c>property!=value</c>,
/// <c>property~value</c> (contains) or <c>property?</c> (present). A property is the customer's, or an event's when
/// written <c>event.property</c> (<c>event.channel</c> reads the event's channel). The rule's text is its name.</summary>
/// <example><c>channel=Internet</c>, <c>event.channel=app and country!=NL</c>.</example>
public static class SegmentRuleText
{
    /// <summary>Parses a rule. Errors: <c>segment.invalid</c>.</summary>
    public static Result<SegmentRule> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(text ?? string.Empty, "it is empty");
        }

        var any = text.Contains(" or ", StringComparison.Ordinal);
        if (any && text.Contains(" and ", StringComparison.Ordinal))
        {
            return Invalid(text, "it mixes 'and' and 'or'");
        }

        var conditions = new List<SegmentRuleCondition>();
        foreach (var part in text.Split(any ? " or " : " and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (property, filter) = part switch
            {
                _ when part.EndsWith('?') => (part[..^1], new PropertyFilter(string.Empty, FilterOperator.Exists, null)),
                _ when part.Contains("!=", StringComparison.Ordinal) => Split(part, "!=", FilterOperator.NotEquals),
                _ when part.Contains('~', StringComparison.Ordinal) => Split(part, "~", FilterOperator.Contains),
                _ when part.Contains('=', StringComparison.Ordinal) => Split(part, "=", FilterOperator.Equals),
                _ => (string.Empty, new PropertyFilter(string.Empty, FilterOperator.Exists, null)),
            };
            property = property.Trim();
            var onEvent = property.StartsWith("event.", StringComparison.Ordinal);
            property = onEvent ? property["event.".Length..] : property;
            if (property.Length == 0)
            {
                return Invalid(text, $"'{part}' is not property=value, property!=value, property~value or property?");
            }

            conditions.Add(new SegmentRuleCondition(onEvent, filter with { Property = property }));
        }

        return conditions.Count > 20 ? Invalid(text, "a segment has at most 20 conditions") : new SegmentRule(text.Trim(), conditions, MatchAll: !any);
    }

    private static (string Property, PropertyFilter Filter) Split(string part, string separator, FilterOperator @operator)
    {
        var at = part.IndexOf(separator, StringComparison.Ordinal);
        return (part[..at], new PropertyFilter(string.Empty, @operator, part[(at + separator.Length)..].Trim()));
    }

    private static Error Invalid(string text, string reason) => new("segment.invalid", $"The segment rule '{text}' is not valid: {reason}.", ErrorKind.Validation);
}
