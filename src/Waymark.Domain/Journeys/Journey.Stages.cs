namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>Finds a stage.</summary>
    public Result<Stage> FindStage(StageId stageId) =>
        Stages.FirstOrDefault(stage => stage.Id == stageId) is { } found ? found : Error.NotFound("stage", "The stage does not exist in this journey.");

    /// <summary>Adds a stage at <paramref name="position"/> (0 is leftmost; null appends).</summary>
    public Result<Journey> AddStage(Stage stage, int? position)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (Stages.Any(existing => string.Equals(existing.Name.Trim(), stage.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return DuplicateStageName(stage.Name);
        }

        return OrderedList.Insert(Stages, stage, position).Then(stages => (this with { Stages = stages }).Checked());
    }

    /// <summary>Renames or re-describes a stage; its touchpoints stay.</summary>
    public Result<Journey> UpdateStage(StageId stageId, string name, string? description) =>
        FindStage(stageId).Then(found =>
            Stages.Any(other => other.Id != stageId && string.Equals(other.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
                ? DuplicateStageName(name)
                : (this with { Stages = OrderedList.Replace(Stages, stage => stage.Id == stageId, stage => stage with { Name = name!, Description = description }) }).Checked());

    /// <summary>Moves a stage, with its touchpoints, to <paramref name="position"/> (0 to count − 1).</summary>
    /// <remarks>Cards that spanned across the moved stage's border keep their longest still-adjacent run.</remarks>
    public Result<Journey> MoveStage(StageId stageId, int position) =>
        FindStage(stageId).Then(_ => OrderedList.Move(Stages, stage => stage.Id == stageId, position))
            .Then(stages => (this with { Stages = stages }).WithSpansRepaired().Checked());

    /// <summary>Removes a stage with its touchpoints and the cards that sat only on them.</summary>
    public Result<Journey> RemoveStage(StageId stageId) =>
        FindStage(stageId).Then(_ => (this with { Stages = OrderedList.Remove(Stages, stage => stage.Id == stageId) }).WithSpansRepaired().Checked());

    private static Error DuplicateStageName(string? name) =>
        Error.Conflict("stage.name-taken", $"The journey already has a stage named '{name}'.");
}
