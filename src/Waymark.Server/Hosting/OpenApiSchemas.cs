using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waymark.Application.Json;

namespace Waymark.Server.Hosting;

/// <summary>Corrections to the generated OpenAPI schemas, so clients typed from it (the browser app's) see the wire
/// shapes: typed ids (alone, nullable or in lists) travel as UUID strings.</summary>
internal static class OpenApiSchemas
{
    /// <summary>The same title whatever process hosts the server (the CLI, a test host).</summary>
    public static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        NullableIds(document);
        document.Info = new OpenApiInfo
        {
            Title = "Waymark API",
            Version = "v1",
            Description = "Customer journey maps, their evidence and analytics. Errors are RFC 9457 problem details with a stable code.",
        };
        return Task.CompletedTask;
    }

    /// <summary>An id property that a request may leave out (not required) is nullable on the wire: its type becomes
    /// "uuid or null" where it is used, while the id's component stays a plain UUID.</summary>
    private static void NullableIds(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        var ids = schemas.Where(pair => pair.Value is OpenApiSchema { Format: "uuid" }).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties is not { } properties)
            {
                continue;
            }

            foreach (var name in properties.Keys.ToList())
            {
                if (schema.Required?.Contains(name) == true)
                {
                    continue;
                }

                var property = properties[name];
                var referenced = property is OpenApiSchemaReference reference && reference.Reference.Id is { } id && ids.Contains(id);
                var nullableRef = property.OneOf is { Count: 2 } oneOf && oneOf.Any(option => option is OpenApiSchemaReference r && r.Reference.Id is { } refId && ids.Contains(refId));
                if (referenced || nullableRef || property is OpenApiSchema { Format: "uuid", Type: JsonSchemaType.String })
                {
                    properties[name] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uuid", Description = property.Description };
                }
            }
        }
    }

    public static Task DescribeIdsAsUuids(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (WaymarkJson.IsTypedId(Nullable.GetUnderlyingType(type) ?? type))
        {
            // One component per id type, never nullable: optional ids are made nullable where they are used, below.
            schema.Type = JsonSchemaType.String;
            schema.Format = "uuid";
        }

        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && context.JsonTypeInfo.ElementType is { } element && WaymarkJson.IsTypedId(element))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }

        return Task.CompletedTask;
    }
}
