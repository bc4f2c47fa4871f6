using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Storage;
using Waymark.Application.Tracking;
using Waymark.Server.Auth;
using Waymark.Server.Errors;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Tracking;

/// <summary>A workspace's side of live tracking: its write keys, and what ingestion kept aside (failed messages,
/// message-id conflicts), with replay.</summary>
internal static class TrackingEndpoints
{
    public sealed record CreateWriteKeyRequest(string? Name);

    /// <summary>A write key as listed: never the key itself, which is shown once when it is created.</summary>
    public sealed record WriteKeySummary(WriteKeyId Id, string Name, string Hint, UserId CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    /// <summary>A new write key with its plain text (shown this once).</summary>
    public sealed record CreatedWriteKey(WriteKeySummary Key, string WriteKey);

    /// <summary>An edited message to replay instead of the one kept, or nothing to replay it as it was.</summary>
    public sealed record ReplayRequest(JsonElement? Payload = null);

    public static void MapTrackingEndpoints(this RouteGroupBuilder workspace)
    {
        var keys = workspace.MapGroup("/write-keys").WithTags("Ingestion");
        keys.MapGet("/", async (Guid workspaceId, WriteKeys writeKeys, CancellationToken cancellationToken) =>
            Results.Ok((await writeKeys.ListAsync(new WorkspaceId(workspaceId), cancellationToken)).Select(Summary))).Owner().Produces<IReadOnlyList<WriteKeySummary>>();
        keys.MapPost("/", async (Guid workspaceId, CreateWriteKeyRequest request, WriteKeys writeKeys, HttpContext context, CancellationToken cancellationToken) =>
            ProblemResults.From(await writeKeys.CreateAsync(new WorkspaceId(workspaceId), CurrentUser.Require(context.User), request.Name, cancellationToken),
                created => Results.Created($"/api/v1/workspaces/{workspaceId}/write-keys/{created.Key.Id}", new CreatedWriteKey(Summary(created.Key), created.PlainText))))
            .Owner().Produces<CreatedWriteKey>(StatusCodes.Status201Created);
        keys.MapDelete("/{keyId:guid}", async (Guid workspaceId, Guid keyId, WriteKeys writeKeys, CancellationToken cancellationToken) =>
            ProblemResults.From(await writeKeys.RevokeAsync(new WorkspaceId(workspaceId), new WriteKeyId(keyId), cancellationToken), _ => Results.NoContent()))
            .Owner().Produces(StatusCodes.Status204NoContent);

        var ingest = workspace.MapGroup("/ingest").WithTags("Ingestion");
        ingest.MapGet("/failed", async (Guid workspaceId, ITrackingStore store, CancellationToken cancellationToken, int? limit) =>
            Results.Ok(await store.ListFailedAsync(new WorkspaceId(workspaceId), Math.Clamp(limit ?? 100, 1, 1000), cancellationToken))).Viewer().Produces<IReadOnlyList<FailedMessage>>();
        ingest.MapGet("/conflicts", async (Guid workspaceId, ITrackingStore store, CancellationToken cancellationToken, int? limit) =>
            Results.Ok(await store.ListConflictsAsync(new WorkspaceId(workspaceId), Math.Clamp(limit ?? 100, 1, 1000), cancellationToken))).Viewer().Produces<IReadOnlyList<MessageConflict>>();
        ingest.MapPost("/failed/{failedId:guid}/replay", async (Guid workspaceId, Guid failedId, ReplayRequest? request, ITrackingStore store, TrackingWriter writer, CancellationToken cancellationToken) =>
        {
            var id = new WorkspaceId(workspaceId);
            if (await store.GetFailedAsync(id, failedId, cancellationToken) is not { } failed)
            {
                return ProblemResults.For(Error.NotFound("failed-message", "The workspace has no such failed message."));
            }

            if (failed.ReplayedAt is not null)
            {
                return ProblemResults.For(Error.Conflict("failed-message.replayed", "This message was replayed already."));
            }

            var payload = request?.Payload is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } edited ? edited.GetRawText() : failed.Payload;
            var sentAt = failed.SentAt is { } sent ? $"\"sentAt\":\"{sent.ToString("O", CultureInfo.InvariantCulture)}\"," : "";
            var read = TrackingBatchReader.Read(Encoding.UTF8.GetBytes($"{{{sentAt}\"batch\":[{payload}]}}"), failed.Kind, failed.ReceivedAt);
            if (!read.IsSuccess)
            {
                return ProblemResults.For(read.Error);
            }

            if (read.Value.Rejections is [var rejection, ..])
            {
                return ProblemResults.For(new Error("ingest.replay-rejected", $"The message is still rejected: {rejection.Reason}", ErrorKind.Validation) { Details = new Dictionary<string, object> { ["reason"] = rejection.Code } });
            }

            var stored = await writer.SubmitAsync(id, read.Value with { ReplayOf = failedId }, cancellationToken);
            return ProblemResults.From(stored, commit => Results.Ok(new { stored = commit.Stored, duplicates = commit.Duplicates, conflicts = commit.Conflicts }));
        }).Editor();
    }

    private static WriteKeySummary Summary(WriteKey key) => new(key.Id, key.Name, key.Hint, key.CreatedBy, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
}
