using Waymark.Application.Journeys.Documents;
using Waymark.Application.Storage;
using Waymark.Domain.Personas;

namespace Waymark.Application.Journeys;

/// <summary>Exports a journey as a document (UTF-8 JSON bytes).</summary>
public sealed class ExportJourneyDocumentQuery(IJourneyStore journeys, IWorkspaceObjectStore<Persona> personas)
{
    /// <summary>The document and a file name for it. Errors: <c>journey.not-found</c>.</summary>
    public async Task<Result<(byte[] Document, string FileName)>> HandleAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken)
    {
        var journey = await journeys.GetAsync(workspaceId, journeyId, cancellationToken);
        if (journey is null)
        {
            return JourneyErrors.NotFound();
        }

        var workspacePersonas = await personas.ListAsync(workspaceId, cancellationToken);
        return (JourneyDocumentFormat.Write(journey, workspacePersonas), $"{JourneyFileNames.Stem(journey.Name)}.waymark.json");
    }
}
