using Microsoft.AspNetCore.Http;
using Waymark.Application.Journeys;
using Waymark.Domain.Journeys;
using Waymark.Server.Errors;

namespace Waymark.Server.Journeys;

/// <summary>Runs one journey edit for an endpoint: reads If-Match, applies the edit, answers with the journey and its ETag.</summary>
internal static class JourneyEdits
{
    public static async Task<IResult> ApplyAsync(
        Guid workspaceId, Guid journeyId, EditJourneyCommand command, HttpContext context, Func<Journey, Result<Journey>> edit, CancellationToken cancellationToken,
        int status = StatusCodes.Status200OK)
    {
        var expected = JourneyResults.ExpectedVersion(context.Request);
        if (!expected.IsSuccess)
        {
            return ProblemResults.For(expected.Error);
        }

        var result = await command.HandleAsync(new WorkspaceId(workspaceId), new JourneyId(journeyId), expected.Value, edit, cancellationToken);
        return JourneyResults.From(result, context, status);
    }
}
