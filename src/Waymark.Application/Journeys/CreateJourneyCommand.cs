using Waymark.Application.Journeys.Templates;
using Waymark.Application.Storage;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Journeys;

/// <summary>Creates a journey, empty or from a template.</summary>
public sealed class CreateJourneyCommand(IJourneyStore journeys, TimeProvider clock)
{
    /// <summary>What a new journey needs.</summary>
    /// <param name="Name">1 to 200 characters.</param>
    /// <param name="Template">A template name (<see cref="JourneyTemplates.Names"/>), or null for an empty journey.</param>
    /// <param name="Kind">Planned (default) or actual.</param>
    /// <param name="State">As-is (default) or to-be.</param>
    /// <param name="Type">The type; defaults to the template's, else purchase.</param>
    /// <param name="Goal">The customer's goal.</param>
    /// <param name="Audience">Who the journey is for.</param>
    /// <param name="TimeFrame">The period covered.</param>
    /// <param name="Owner">Who keeps it up to date.</param>
    /// <param name="Tags">Labels.</param>
    public sealed record Request(
        string Name,
        string? Template = null,
        JourneyKind? Kind = null,
        JourneyState? State = null,
        JourneyType? Type = null,
        string? Goal = null,
        string? Audience = null,
        string? TimeFrame = null,
        string? Owner = null,
        IReadOnlyList<string>? Tags = null);

    /// <summary>Creates and stores the journey. Errors: <c>validation.failed</c>, <c>template.not-found</c>.</summary>
    public async Task<Result<Journey>> HandleAsync(WorkspaceId workspaceId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var blank = new Journey { Id = JourneyId.New(), WorkspaceId = workspaceId, Name = request.Name, CreatedAt = now, UpdatedAt = now };
        Result<Journey> start = request.Template is null ? blank : JourneyTemplates.Apply(request.Template, blank);
        if (!start.IsSuccess)
        {
            return start;
        }

        var journey = start.Value with
        {
            Kind = request.Kind ?? JourneyKind.Planned,
            State = request.State ?? JourneyState.AsIs,
            Type = request.Type ?? start.Value.Type,
            Goal = request.Goal ?? start.Value.Goal,
            Audience = request.Audience,
            TimeFrame = request.TimeFrame,
            Owner = request.Owner,
            Tags = request.Tags ?? [],
        };
        var checkedJourney = journey.Checked();
        if (checkedJourney.IsSuccess)
        {
            await journeys.InsertAsync(journey, [], cancellationToken);
        }

        return checkedJourney;
    }
}
