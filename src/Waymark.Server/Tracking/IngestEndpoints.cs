using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Tracking;
using Waymark.Server.Errors;

namespace Waymark.Server.Tracking;

/// <summary>The ingestion API: Segment-shaped batches of events, and survey answers, authenticated by a workspace
/// write key. 200 only after the batch is durably stored; 400 for a body that is not a batch, 401 for a missing or
/// wrong key, 413 over a limit, 415 for another media type, 429 over the key's rate, 503 when the store cannot take it.
/// Cross-origin calls are allowed: the key is the only credential, and no cookie is read.</summary>
internal static class IngestEndpoints
{
    /// <summary>What a stored batch did.</summary>
    /// <param name="Success">Always true on 200 (Segment's libraries read it).</param>
    /// <param name="Received">Messages in the batch.</param>
    /// <param name="Stored">Events (or answers) stored now.</param>
    /// <param name="Duplicates">Messages already stored with the same payload (retries), dropped.</param>
    /// <param name="Conflicts">Messages reusing a stored message id with another payload, kept aside.</param>
    /// <param name="Identified">Identify calls taken.</param>
    /// <param name="Rejected">Messages that failed validation, kept in the failed-events store.</param>
    /// <param name="Warnings">Stored messages worth a note (a time far in the future).</param>
    public sealed record IngestResult(bool Success, int Received, int Stored, int Duplicates, int Conflicts, int Identified, IReadOnlyList<IngestIssue> Rejected, IReadOnlyList<IngestIssue> Warnings);

    /// <summary>One message's problem: its index in the batch, its message id, a stable code and the reason.</summary>
    public sealed record IngestIssue(int Index, string? MessageId, string Code, string Reason);

    public static void MapIngestEndpoints(this RouteGroupBuilder api)
    {
        var ingest = api.MapGroup("/ingest").WithTags("Ingestion").AllowAnonymous().WithMetadata(new WriteKeyEndpoint())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ingest.MapPost("/batch", (HttpContext context, IngestPipeline pipeline, CancellationToken cancellationToken) => pipeline.HandleAsync(context, TrackingKind.Events, cancellationToken))
            .Produces<IngestResult>().WithMetadata(new RequestSizeLimitAttribute(TrackingLimits.MaxRequestBytes))
            .WithDescription("Segment HTTP tracking API batch: {\"batch\": [{\"type\": \"track\", \"messageId\", \"userId\" or \"anonymousId\", \"event\", \"properties\", \"context\", \"timestamp\"}, …], \"sentAt\"}. Also identify, page and screen.");
        ingest.MapPost("/responses", (HttpContext context, IngestPipeline pipeline, CancellationToken cancellationToken) => pipeline.HandleAsync(context, TrackingKind.Answers, cancellationToken))
            .Produces<IngestResult>().WithMetadata(new RequestSizeLimitAttribute(TrackingLimits.MaxRequestBytes))
            .WithDescription("Survey answers: {\"batch\": [{\"messageId\", \"userId\" or \"anonymousId\", \"touchpoint\" or \"stage\", \"metric\": \"nps|csat|ces\", \"score\", \"comment\", \"timestamp\"}, …], \"sentAt\"}.");
        ingest.MapMethods("/{**path}", [HttpMethods.Options], () => Results.NoContent()).ExcludeFromDescription();
    }
}

/// <summary>Marks the ingestion routes: write-key authenticated, open to other origins, never cookie-authenticated.</summary>
internal sealed class WriteKeyEndpoint;
