using Microsoft.AspNetCore.Http;
using Waymark.Application.Tracking;
using Waymark.Server.Errors;

namespace Waymark.Server.Tracking;

/// <summary>One ingestion request, step by step: media type, key in the headers, body within limits, batch read,
/// key in the body, rate, then the group commit; the answer once the batch is stored.</summary>
internal sealed partial class IngestPipeline(WriteKeys keys, WriteKeyRateLimiter limiter, TrackingWriter writer, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<IngestPipeline> logger)
{
    private static readonly Error MissingKey = new("ingest.unauthorized", "Send a valid write key: HTTP Basic with the key as user name, Authorization: Bearer, X-Write-Key, or \"writeKey\" in the body.", ErrorKind.Unauthorized);

    public async Task<IResult> HandleAsync(HttpContext context, TrackingKind kind, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        if (IngestBody.MediaTypeProblem(context.Request) is { } mediaType)
        {
            return ProblemResults.For(mediaType);
        }

        var headerKey = WriteKeyCredentials.FromHeaders(context.Request, out var malformed);
        WriteKey? key = null;
        if (malformed || (headerKey is not null && (key = await keys.AuthenticateAsync(headerKey, cancellationToken)) is null))
        {
            return Refused(context, headerKey);
        }

        var body = await IngestBody.ReadAsync(context.Request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResults.For(body.Error);
        }

        var read = TrackingBatchReader.Read(body.Value, kind, receivedAt);
        if (!read.IsSuccess)
        {
            return ProblemResults.For(read.Error);
        }

        var batch = read.Value;
        if (batch.WriteKey is { } bodyKey && headerKey is not null && bodyKey != headerKey)
        {
            return ProblemResults.For(MissingKey with { Message = "The body's writeKey differs from the key in the headers; send one key." });
        }

        key ??= batch.WriteKey is null ? null : await keys.AuthenticateAsync(batch.WriteKey, cancellationToken);
        if (key is null)
        {
            return Refused(context, batch.WriteKey);
        }

        if (limiter.RetryAfterSeconds(key.Id, batch.MessageCount) is { } wait)
        {
            return ProblemResults.For(new Error("ingest.rate-limited", $"This write key sends more than its rate allows; nothing of this request was stored. Retry in {wait} s.", ErrorKind.TooManyRequests)
            {
                Details = new Dictionary<string, object> { ["retryAfterSeconds"] = wait },
            });
        }

        var stored = await writer.SubmitAsync(key.WorkspaceId, batch, cancellationToken);
        return ProblemResults.From(stored, commit => Results.Ok(new IngestEndpoints.IngestResult(true, batch.MessageCount, commit.Stored, commit.Duplicates, commit.Conflicts, batch.Identifies.Count,
            [.. batch.Rejections.Select(Issue)], [.. batch.Warnings.Select(Issue)])));
    }

    /// <summary>401, logged with no more of the key than its first characters (ASVS 16.2.5, 16.3.1).</summary>
    private IResult Refused(HttpContext context, string? presented)
    {
        LogRefused(logger, presented is null ? "(none)" : presented.Length <= 10 ? "(short)" : presented[..10] + "…", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return ProblemResults.For(MissingKey);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1100, Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Ingestion refused: missing, unknown or revoked write key {KeyStart} from {Address}")]
    private static partial void LogRefused(Microsoft.Extensions.Logging.ILogger logger, string keyStart, string address);

    private static IngestEndpoints.IngestIssue Issue(TrackingRejection rejection) => new(rejection.Index, rejection.MessageId, rejection.Code, rejection.Reason);
}
