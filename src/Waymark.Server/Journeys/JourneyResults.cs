using System.Globalization;
using Microsoft.AspNetCore.Http;
using Waymark.Domain.Journeys;
using Waymark.Server.Errors;

namespace Waymark.Server.Journeys;

/// <summary>Journey responses carry the version as a strong ETag; writes accept it back as <c>If-Match</c>.</summary>
internal static class JourneyResults
{
    public static IResult Ok(Journey journey, HttpContext context, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.ETag = $"\"{journey.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return status == StatusCodes.Status201Created
            ? Results.Created($"/api/v1/workspaces/{journey.WorkspaceId}/journeys/{journey.Id}", journey)
            : Results.Ok(journey);
    }

    public static IResult From(Result<Journey> result, HttpContext context, int status = StatusCodes.Status200OK) =>
        result.IsSuccess ? Ok(result.Value, context, status) : ProblemResults.For(result.Error);

    /// <summary>The version in <c>If-Match</c> (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>), null when absent or <c>*</c>.</summary>
    public static Result<long?> ExpectedVersion(HttpRequest request)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return Result<long?>.Success(null);
        }

        var value = header.Trim();
        value = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? Result<long?>.Success(version)
            : Error.Invalid("If-Match", "If-Match holds the journey's version as its ETag, such as \"3\".");
    }
}
