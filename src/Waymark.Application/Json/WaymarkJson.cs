using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Json;

/// <summary>The JSON conventions of the API and the journey document: camelCase names, kebab-case enum values,
/// UUID ids, ISO 8601 durations, unknown members rejected, nullability and required members respected.</summary>
public static class WaymarkJson
{
    /// <summary>Options for API bodies.</summary>
    public static JsonSerializerOptions Options { get; } = Create(documentOnly: false);

    /// <summary>Options for the journey document: as <see cref="Options"/>, without the fields the server manages
    /// (journey id, workspace id, version and timestamps), which a portable file does not carry.</summary>
    public static JsonSerializerOptions Document { get; } = Create(documentOnly: true);

    /// <summary>Whether <paramref name="type"/> is one of Waymark.Domain's typed ids, written as a UUID string.</summary>
    public static bool IsTypedId(Type type) => IdJsonConverterFactory.IsId(type);

    /// <summary>Applies the conventions to options someone else owns (the web host's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict; // "3" is not a number: one shape, as the schema says
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new IdJsonConverterFactory());
        options.Converters.Add(new IsoDurationJsonConverter());
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(OmitComputed);
        options.TypeInfoResolver = resolver;
    }

    private static JsonSerializerOptions Create(bool documentOnly)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = documentOnly };
        Configure(options);
        if (documentOnly)
        {
            ((DefaultJsonTypeInfoResolver)options.TypeInfoResolver!).Modifiers.Add(OmitServerManaged);
        }

        options.MakeReadOnly();
        return options;
    }

    /// <summary>Derived views (a journey's flat touchpoint list) are never written or read.</summary>
    private static void OmitComputed(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(Journey))
        {
            RemoveWhere(typeInfo, property => property.Name == "touchpoints");
        }
    }

    private static void OmitServerManaged(JsonTypeInfo typeInfo)
    {
        string[] serverManaged = ["id", "workspaceId", "version", "createdAt", "updatedAt"];
        if (typeInfo.Type == typeof(Journey) || typeInfo.Type == typeof(Domain.Personas.Persona))
        {
            RemoveWhere(typeInfo, property => serverManaged.Contains(property.Name) && !(typeInfo.Type == typeof(Domain.Personas.Persona) && property.Name == "id"));
        }
    }

    private static void RemoveWhere(JsonTypeInfo typeInfo, Func<JsonPropertyInfo, bool> which)
    {
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (which(typeInfo.Properties[i]))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
