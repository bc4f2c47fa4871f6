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
        document.Info = new OpenApiInfo
        {
            Title = "Waymark API",
            Version = "v1",
            Description = "Customer journey maps, their evidence and analytics. Errors are RFC 9457 problem details with a stable code.",
        };
        return Task.CompletedTask;
    }

    public static Task DescribeIdsAsUuids(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (WaymarkJson.IsTypedId(Nullable.GetUnderlyingType(type) ?? type))
        {
            schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "uuid";
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && context.JsonTypeInfo.ElementType is { } element && WaymarkJson.IsTypedId(element))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }

        return Task.CompletedTask;
    }
}
