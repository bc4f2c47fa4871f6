namespace Waymark.Application.Journeys;

/// <summary>The errors journey use cases share.</summary>
public static class JourneyErrors
{
    /// <summary><c>journey.not-found</c>.</summary>
    public static Error NotFound() => Error.NotFound("journey", "The journey does not exist in this workspace.");

    /// <summary><c>journey.version-conflict</c>, carrying the current version.</summary>
    public static Error VersionConflict(long currentVersion) =>
        Error.Conflict("journey.version-conflict", $"The journey changed since you read it; it is now at version {currentVersion}. Reload and apply your change again.")
            with { Details = new Dictionary<string, object> { ["currentVersion"] = currentVersion } };
}
