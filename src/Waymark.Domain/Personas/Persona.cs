namespace Waymark.Domain.Personas;

/// <summary>A described customer type of a workspace; journeys draw emotions per persona.</summary>
public sealed record Persona
{
    /// <summary>Unique within the workspace.</summary>
    public required PersonaId Id { get; init; }

    /// <summary>The workspace that owns the persona.</summary>
    public required WorkspaceId WorkspaceId { get; init; }

    /// <summary>Unique within the workspace, compared case-insensitively; 1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Who this customer is, up to 4,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>What the persona wants to achieve.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>What the persona needs from the brand.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>What annoys the persona.</summary>
    public IReadOnlyList<string> Frustrations { get; init; } = [];

    /// <summary>Traits (age band, habits, attitudes).</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    /// <summary>Increases by one with every stored change; 1 when first stored.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Checks the persona's invariants; problems by field, empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new Journeys.ProblemList();
        problems.Name("name", Name);
        problems.Text("description", Description);
        foreach (var (field, items) in new[] { ("goals", Goals), ("needs", Needs), ("frustrations", Frustrations), ("traits", Traits) })
        {
            problems.Check(field, items.Count <= 50, "At most 50 entries.");
            for (var i = 0; i < items.Count; i++)
            {
                problems.Name($"{field}[{i}]", items[i], 500);
            }
        }

        return problems.ToDictionary();
    }
}
