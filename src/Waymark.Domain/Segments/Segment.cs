using Waymark.Domain.Journeys;

namespace Waymark.Domain.Segments;

/// <summary>A data-defined group of customers: a rule over customer or event properties.</summary>
public sealed record Segment
{
    /// <summary>Unique within the workspace.</summary>
    public required SegmentId Id { get; init; }

    /// <summary>The workspace that owns the segment.</summary>
    public required WorkspaceId WorkspaceId { get; init; }

    /// <summary>Unique within the workspace, compared case-insensitively; 1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Optional longer text.</summary>
    public string? Description { get; init; }

    /// <summary>True: a customer must meet every condition; false: any one condition suffices.</summary>
    public bool MatchAll { get; init; } = true;

    /// <summary>The conditions; at least one, at most 20.</summary>
    public required IReadOnlyList<SegmentCondition> Conditions { get; init; }

    /// <summary>Increases by one with every stored change; 1 when first stored.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Checks the segment's invariants; problems by field, empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new ProblemList();
        problems.Name("name", Name);
        problems.Text("description", Description);
        problems.Check("conditions", Conditions.Count is >= 1 and <= 20, "A segment has from 1 to 20 conditions.");
        for (var i = 0; i < Conditions.Count; i++)
        {
            var condition = Conditions[i].Condition;
            problems.Name($"conditions[{i}].property", condition.Property);
            problems.Check($"conditions[{i}].value", (condition.Operator == MatchOperator.Exists) == (condition.Value is null), "A value is required, except with the exists operator, which takes none.");
        }

        return problems.ToDictionary();
    }
}
