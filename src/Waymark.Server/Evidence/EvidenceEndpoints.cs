using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Analytics.Journeys;
using Waymark.Application.Events;
using Waymark.Application.Evidence;
using Waymark.Application.Ingestion;
using Waymark.Application.Journeys;
using Waymark.Application.Storage;
using Waymark.Domain.Segments;
using Waymark.Server.Errors;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Evidence;

/// <summary>Evidence on the map: survey answers in (JSON or a CSV/NDJSON file), and a journey measured against
/// the workspace's events and answers — per touchpoint and segment, conformance, pain point candidates, mapping
/// coverage, one customer's actual journey.</summary>
internal static class EvidenceEndpoints
{
    /// <summary>The most answers one JSON request may carry.</summary>
    public const int MaxAnswersPerRequest = 10_000;

    /// <summary>One survey answer: about a touchpoint (id, name or event name) or a stage (id or name).</summary>
    public sealed record SurveyAnswerItem(string Customer, string? Touchpoint, string? Stage, string Metric, int Score, string? Comment, DateTimeOffset Time);

    public sealed record SurveyAnswersRequest(IReadOnlyList<SurveyAnswerItem> Responses);

    public sealed record SurveyAnswersStored(long Stored);

    public sealed record SurveyAnswersImport(long Rows, long Stored, long BadRowCount, IReadOnlyList<BadRow> BadRows);

    public static void MapEvidenceEndpoints(this RouteGroupBuilder workspace)
    {
        var responses = workspace.MapGroup("/responses").WithTags("Evidence");
        responses.MapPost("/", async (Guid workspaceId, SurveyAnswersRequest request, ISurveyResponseStore store, CancellationToken cancellationToken) =>
        {
            if (request.Responses.Count is 0 or > MaxAnswersPerRequest)
            {
                return ProblemResults.For(Error.Invalid("responses", $"Send from 1 to {MaxAnswersPerRequest} answers per request."));
            }

            var problems = new Dictionary<string, string[]>();
            var answers = new List<SurveyResponse>(request.Responses.Count);
            for (var i = 0; i < request.Responses.Count; i++)
            {
                var item = request.Responses[i];
                var metric = SurveyResponse.MetricOf(item.Metric);
                var subject = string.IsNullOrWhiteSpace(item.Touchpoint) ? item.Stage : item.Touchpoint;
                if (SurveyResponse.Problem(item.Customer, subject, metric, item.Score, item.Time.ToUnixTimeMilliseconds()) is { } problem)
                {
                    problems[$"responses[{i}]"] = [problem];
                    continue;
                }

                answers.Add(new SurveyResponse(item.Customer, subject!, metric!.Value, item.Score, string.IsNullOrWhiteSpace(item.Comment) ? null : item.Comment, item.Time.ToUniversalTime()));
            }

            if (problems.Count > 0)
            {
                return ProblemResults.For(Error.Invalid(problems) with { Code = "responses.invalid" });
            }

            var stored = await store.AppendAsync(new WorkspaceId(workspaceId), answers, cancellationToken);
            return Results.Created($"/api/v1/workspaces/{workspaceId}/responses", new SurveyAnswersStored(stored));
        }).Editor().Produces<SurveyAnswersStored>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        responses.MapPost("/imports", async (Guid workspaceId, HttpRequest request, ISurveyResponseStore store, CancellationToken cancellationToken, string? fileName, string? format, string? onError) =>
        {
            format ??= fileName is null ? null : SurveyResponseReader.FormatOf(fileName);
            if (format is not ("csv" or "ndjson") || onError is not (null or "fail" or "skip"))
            {
                return ProblemResults.For(Error.Invalid("format", "Give fileName ending in .csv, .ndjson or .jsonl, or format=csv|ndjson; onError is fail or skip."));
            }

            // Answer files are small next to event logs; the body is bounded by the request size limit (413 above it).
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            var answers = new List<SurveyResponse>();
            using var text = new StreamReader(buffer);
            var read = SurveyResponseReader.Read(text, format, new EventImportOptions { FailOnBadRow = onError != "skip" }, answers);
            if (!read.IsSuccess)
            {
                return ProblemResults.For(read.Error);
            }

            var stored = answers.Count == 0 ? 0 : await store.AppendAsync(new WorkspaceId(workspaceId), answers, cancellationToken);
            return Results.Created($"/api/v1/workspaces/{workspaceId}/responses", new SurveyAnswersImport(read.Value.Rows, stored, read.Value.BadRowCount, read.Value.BadRows));
        }).Editor().Produces<SurveyAnswersImport>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        var journeys = workspace.MapGroup("/journeys/{journeyId:guid}").WithTags("Evidence");
        journeys.MapGet("/metrics", async (Guid workspaceId, Guid journeyId, IJourneyStore journeyStore, WorkspaceEventIndex index, ISurveyResponseStore answerStore,
            IWorkspaceObjectStore<Segment> segmentStore, CancellationToken cancellationToken, DateTimeOffset? from, DateTimeOffset? to, Guid[]? segment, string[]? rule) =>
        {
            var workspaceKey = new WorkspaceId(workspaceId);
            if (await journeyStore.GetAsync(workspaceKey, new JourneyId(journeyId), cancellationToken) is not { } journey)
            {
                return ProblemResults.For(JourneyErrors.NotFound());
            }

            var rules = new List<SegmentRule>();
            foreach (var id in segment ?? [])
            {
                if (await segmentStore.GetAsync(workspaceKey, id, cancellationToken) is not { } stored)
                {
                    return ProblemResults.For(Error.NotFound("segment", $"The segment {id} does not exist in this workspace."));
                }

                rules.Add(JourneyEvidence.RuleOf(stored));
            }

            foreach (var text in rule ?? [])
            {
                var parsed = SegmentRuleText.Parse(text);
                if (!parsed.IsSuccess)
                {
                    return ProblemResults.For(parsed.Error);
                }

                rules.Add(parsed.Value);
            }

            if (rules.Count > JourneyMetricsAnalyzer.MaxSegments)
            {
                return ProblemResults.For(Error.Invalid("segment", $"Compare at most {JourneyMetricsAnalyzer.MaxSegments} segments at once."));
            }

            if (from is not null && to is not null && from >= to)
            {
                return ProblemResults.For(Error.Invalid("from", "from is before to."));
            }

            var log = await index.GetAsync(workspaceKey);
            var answers = await answerStore.ListAsync(workspaceKey, cancellationToken);
            return Results.Ok(JourneyEvidence.Measure(journey, log, answers, rules, from, to));
        }).Viewer().Produces<JourneyEvidenceReport>().ProducesProblem(StatusCodes.Status404NotFound);

        journeys.MapGet("/mapping", async (Guid workspaceId, Guid journeyId, IJourneyStore journeyStore, WorkspaceEventIndex index, CancellationToken cancellationToken, int? top) =>
        {
            var workspaceKey = new WorkspaceId(workspaceId);
            return await journeyStore.GetAsync(workspaceKey, new JourneyId(journeyId), cancellationToken) is not { } journey
                ? ProblemResults.For(JourneyErrors.NotFound())
                : Results.Ok(MappingCoverage.Of(await index.GetAsync(workspaceKey), JourneyEvidence.ModelOf(journey), Math.Clamp(top ?? 50, 1, 500)));
        }).Viewer().Produces<MappingCoverage>().ProducesProblem(StatusCodes.Status404NotFound);

        journeys.MapGet("/actual", async (Guid workspaceId, Guid journeyId, IJourneyStore journeyStore, WorkspaceEventIndex index, CancellationToken cancellationToken, string? customer, DateTimeOffset? from, DateTimeOffset? to) =>
        {
            var workspaceKey = new WorkspaceId(workspaceId);
            if (await journeyStore.GetAsync(workspaceKey, new JourneyId(journeyId), cancellationToken) is not { } journey)
            {
                return ProblemResults.For(JourneyErrors.NotFound());
            }

            if (string.IsNullOrWhiteSpace(customer))
            {
                return ProblemResults.For(Error.Invalid("customer", "Name the customer whose journey to show."));
            }

            var actual = ActualJourney.Of(await index.GetAsync(workspaceKey), JourneyEvidence.ModelOf(journey), customer, from?.ToUnixTimeMilliseconds(), to?.ToUnixTimeMilliseconds());
            return actual is null ? ProblemResults.For(Error.NotFound("customer", "No events of this customer in the workspace.")) : Results.Ok(actual);
        }).Viewer().Produces<ActualJourney>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
