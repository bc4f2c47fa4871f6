using Waymark.Domain.Personas;
using Waymark.Domain.Segments;

namespace Waymark.Application.Storage;

/// <summary>How a store reads the key fields of a workspace object kind.</summary>
/// <typeparam name="T">The object's type.</typeparam>
/// <param name="Name">The kind's stored name ("persona").</param>
/// <param name="WorkspaceOf">The owning workspace.</param>
/// <param name="IdOf">The object's id.</param>
/// <param name="NameOf">The object's unique name.</param>
/// <param name="VersionOf">The object's version.</param>
public sealed record WorkspaceObjectKind<T>(string Name, Func<T, WorkspaceId> WorkspaceOf, Func<T, Guid> IdOf, Func<T, string> NameOf, Func<T, long> VersionOf)
{
    /// <summary>Personas.</summary>
    public static WorkspaceObjectKind<Persona> Personas { get; } =
        new("persona", persona => persona.WorkspaceId, persona => persona.Id.Value, persona => persona.Name, persona => persona.Version);

    /// <summary>Segments.</summary>
    public static WorkspaceObjectKind<Segment> Segments { get; } =
        new("segment", segment => segment.WorkspaceId, segment => segment.Id.Value, segment => segment.Name, segment => segment.Version);
}
