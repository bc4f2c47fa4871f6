using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;

namespace Waymark.Testing;

/// <summary>Planned journeys for the shared logs, with event matchers, for evidence tests.</summary>
public static class PlannedJourneys
{
    /// <summary>The main path of receipt.csv: receipt confirmed, checked, determined, sent, then the two stop checks;
    /// each step planned to take 12 hours.</summary>
    public static Journey Receipt() => Build("Receipt handling",
    [
        ("Intake", ["Confirmation of receipt", "T02 Check confirmation of receipt"]),
        ("Confirmation", ["T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt"]),
        ("Stop checks", ["T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication"]),
    ], TimeSpan.FromHours(12));

    /// <summary>A journey whose touchpoints are each matched by the event of their name, stage by stage.</summary>
    public static Journey Of(string name, params (string Stage, string[] Activities)[] stages) => Build(name, stages, TimeSpan.FromHours(1));

    private static Journey Build(string name, (string Stage, string[] Activities)[] stages, TimeSpan planned)
    {
        var first = true;
        var journey = new Journey
        {
            Id = JourneyId.New(),
            WorkspaceId = WorkspaceId.New(),
            Name = name,
            Stages = stages.Select(stage => new Stage
            {
                Id = StageId.New(),
                Name = stage.Stage,
                Touchpoints = stage.Activities.Select(activity =>
                {
                    var touchpoint = new Touchpoint
                    {
                        Id = TouchpointId.New(),
                        Name = activity,
                        Form = TouchpointForm.Action,
                        Actor = "Municipality",
                        EventMatchers = [new EventMatcher(activity, null, [])],
                        PlannedDuration = first ? null : planned,
                    };
                    first = false;
                    return touchpoint;
                }).ToList(),
            }).ToList(),
        };
        return journey.Checked().Value;
    }
}
