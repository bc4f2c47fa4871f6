using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waymark.Application.Journeys.Documents;

/// <summary>Checks a JSON value against the subset of JSON Schema 2020-12 that Waymark's published schemas use:
/// <c>type</c>, <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>,
/// <c>items</c>, <c>minItems</c>/<c>maxItems</c>, <c>minLength</c>/<c>maxLength</c>, <c>pattern</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>anyOf</c> and local <c>$ref</c>s. It reports every problem, not the first.</summary>
/// <remarks>The schema is the contract: the file served to users is the one enforced here, so they cannot drift.</remarks>
public sealed class JsonSchemaValidator(JsonElement schema)
{
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="instance"/>; returns problems by JSON path (<c>$.journey.stages[0].name</c>), in document order.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(JsonElement instance)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Check(schema, instance, "$", problems);
        return problems.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    private void Check(JsonElement rule, JsonElement value, string path, Dictionary<string, List<string>> problems)
    {
        if (rule.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, problems);
            return;
        }

        if (rule.TryGetProperty("anyOf", out var anyOf))
        {
            if (!anyOf.EnumerateArray().Any(option => Passes(option, value, path)))
            {
                Add(problems, path, "Does not match any allowed form.");
            }

            return;
        }

        if (!CheckTypeAndValue(rule, value, path, problems))
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(rule, value, path, problems);
                break;
            case JsonValueKind.Array:
                CheckArray(rule, value, path, problems);
                break;
            case JsonValueKind.String:
                CheckString(rule, value.GetString()!, path, problems);
                break;
            case JsonValueKind.Number:
                CheckNumber(rule, value, path, problems);
                break;
            default:
                break;
        }
    }

    private bool Passes(JsonElement rule, JsonElement value, string path)
    {
        var scratch = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Check(rule, value, path, scratch);
        return scratch.Count == 0;
    }

    private static bool CheckTypeAndValue(JsonElement rule, JsonElement value, string path, Dictionary<string, List<string>> problems)
    {
        if (rule.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            Add(problems, path, $"Must be {constant.GetRawText()}.");
            return false;
        }

        if (rule.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
        {
            Add(problems, path, $"Must be one of {string.Join(", ", allowed.EnumerateArray().Select(option => option.GetRawText()))}.");
            return false;
        }

        if (rule.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(item => item.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(name => IsOfType(value, name)))
            {
                Add(problems, path, $"Must be {string.Join(" or ", types.Select(Article))}, not {Describe(value)}.");
                return false;
            }
        }

        return true;
    }

    private void CheckObject(JsonElement rule, JsonElement value, string path, Dictionary<string, List<string>> problems)
    {
        var properties = rule.TryGetProperty("properties", out var declared) ? declared : default;
        if (rule.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(item => item.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    Add(problems, Child(path, name), "Required.");
                }
            }
        }

        var closed = rule.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertyRule))
            {
                Check(propertyRule, property.Value, Child(path, property.Name), problems);
            }
            else if (closed)
            {
                Add(problems, Child(path, property.Name), "Unknown field.");
            }
        }
    }

    private void CheckArray(JsonElement rule, JsonElement value, string path, Dictionary<string, List<string>> problems)
    {
        var count = value.GetArrayLength();
        if (rule.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
        {
            Add(problems, path, $"At least {minItems.GetInt32()} item(s).");
        }

        if (rule.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
        {
            Add(problems, path, $"At most {maxItems.GetInt32()} items.");
        }

        if (rule.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", problems);
            }
        }
    }

    private void CheckString(JsonElement rule, string value, string path, Dictionary<string, List<string>> problems)
    {
        if (rule.TryGetProperty("minLength", out var minLength) && value.Length < minLength.GetInt32())
        {
            Add(problems, path, minLength.GetInt32() == 1 ? "Must not be empty." : $"At least {minLength.GetInt32()} characters.");
        }

        if (rule.TryGetProperty("maxLength", out var maxLength) && value.Length > maxLength.GetInt32())
        {
            Add(problems, path, $"At most {maxLength.GetInt32()} characters.");
        }

        if (rule.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(value))
        {
            Add(problems, path, $"Does not have the expected form ({pattern.GetString()}).");
        }
    }

    private static void CheckNumber(JsonElement rule, JsonElement value, string path, Dictionary<string, List<string>> problems)
    {
        var number = value.GetDouble();
        if (rule.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble())
        {
            Add(problems, path, $"At least {minimum.GetRawText()}.");
        }

        if (rule.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
        {
            Add(problems, path, $"At most {maximum.GetRawText()}.");
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        return reference.StartsWith(prefix, StringComparison.Ordinal) && schema.GetProperty("$defs").TryGetProperty(reference[prefix.Length..], out var target)
            ? target
            : throw new InvalidOperationException($"The schema refers to {reference}, which it does not define.");
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return regex;
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"The schema uses type '{type}', which this validator does not know."),
    };

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : $"the number {value.GetDouble().ToString(CultureInfo.InvariantCulture)}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Child(string path, string name) =>
        name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_') ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static void Add(Dictionary<string, List<string>> problems, string path, string message)
    {
        if (!problems.TryGetValue(path, out var messages))
        {
            problems[path] = messages = [];
        }

        messages.Add(message);
    }
}
