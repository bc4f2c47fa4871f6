using System.Reflection;
using System.Text.Json;
using Waymark.Application.Json;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Journeys.Documents;

/// <summary>Reads and writes journey documents. Reading reports every problem with its JSON path.</summary>
public static class JourneyDocumentFormat
{
    private static readonly Lazy<byte[]> SchemaBytes = new(LoadSchema);
    private static readonly Lazy<JsonSchemaValidator> Validator = new(() => new JsonSchemaValidator(JsonDocument.Parse(SchemaBytes.Value).RootElement.Clone()));

    /// <summary>The published JSON Schema, UTF-8.</summary>
    public static ReadOnlyMemory<byte> Schema => SchemaBytes.Value;

    /// <summary>Writes a journey and the given workspace personas (only those the journey draws, in its order) as a document.</summary>
    public static byte[] Write(Journey journey, IEnumerable<Persona> workspacePersonas)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var byId = workspacePersonas.ToDictionary(persona => persona.Id);
        var document = new JourneyDocument
        {
            Journey = journey,
            Personas = journey.PersonaIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, WaymarkJson.Document);
    }

    /// <summary>Reads a document. Failures: <c>document.malformed</c> (not JSON), <c>document.invalid</c>
    /// (breaks the schema or a journey rule; <see cref="Error.Fields"/> holds each problem by JSON path).</summary>
    /// <remarks>The journey comes back with an empty id and workspace; the caller assigns both.</remarks>
    public static Result<JourneyDocument> Read(ReadOnlySpan<byte> utf8)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return new Error("document.malformed", $"The file is not valid JSON: {exception.Message}", ErrorKind.Validation)
            {
                Fields = new Dictionary<string, string[]> { [exception.Path ?? "$"] = [exception.Message] },
            };
        }

        using (parsed)
        {
            var structural = Validator.Value.Validate(parsed.RootElement);
            if (structural.Count > 0)
            {
                return Invalid(structural);
            }

            JourneyDocument document;
            try
            {
                document = parsed.RootElement.Deserialize<JourneyDocument>(WaymarkJson.Document)!;
            }
            catch (JsonException exception)
            {
                return Invalid(new Dictionary<string, string[]> { [exception.Path ?? "$"] = [exception.Message] });
            }

            return CheckRules(document);
        }
    }

    private static Result<JourneyDocument> CheckRules(JourneyDocument document)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, messages) in document.Journey.Validate())
        {
            problems[$"$.journey.{path}"] = messages;
        }

        var documentPersonas = document.Personas.Select(persona => persona.Id).ToHashSet();
        for (var i = 0; i < document.Journey.PersonaIds.Count; i++)
        {
            if (!documentPersonas.Contains(document.Journey.PersonaIds[i]))
            {
                problems[$"$.journey.personaIds[{i}]"] = ["The document does not include this persona."];
            }
        }

        for (var i = 0; i < document.Personas.Count; i++)
        {
            foreach (var (path, messages) in document.Personas[i].Validate())
            {
                problems[$"$.personas[{i}].{path}"] = messages;
            }
        }

        return problems.Count == 0 ? document : Invalid(problems);
    }

    private static Error Invalid(IReadOnlyDictionary<string, string[]> problems) =>
        new("document.invalid", $"The journey document has {problems.Count} problem(s).", ErrorKind.Validation) { Fields = problems };

    private static byte[] LoadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("journey.schema.json")
            ?? throw new InvalidOperationException("The journey schema is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
