using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Paths;
using Waymark.Analytics.Retention;
using Waymark.Analytics.Variants;
using Waymark.Application.Analytics;
using Waymark.Application.Events;
using Waymark.Server.Errors;
using Waymark.Server.Workspaces;

namespace Waymark.Server.Analytics;

/// <summary>Analytics over a workspace's imported events, with the same JSON shapes as <c>waymark analyze</c>.</summary>
internal static class AnalyticsEndpoints
{
    public sealed record FunnelResponse(IReadOnlyList<FunnelStepResult> Steps)
    {
        /// <summary>Per step, the time-to-convert histogram from the previous step (ten equal-width bins; empty for step 1).
        /// Only in the API's answer: the CLI's JSON keeps its contract shape.</summary>
        public IReadOnlyList<IReadOnlyList<FunnelHistogramBin>> Histograms { get; init; } = [];

        /// <summary>Per value of the breakdown property, when one was asked for: cumulative counts per step.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<FunnelBreakdownRow>? Breakdown { get; init; }
    }

    public sealed record CustomersResponse(int Step, long Total, IReadOnlyList<string> Customers);

    public static void MapAnalyticsEndpoints(this RouteGroupBuilder workspace)
    {
        var analytics = workspace.MapGroup("/analytics").WithTags("Analytics");
        analytics.MapGet("/dfg", async (Guid workspaceId, WorkspaceEventIndex index) =>
            Results.Ok(DirectlyFollowsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId))))).Viewer().Produces<DirectlyFollowsReport>();

        analytics.MapGet("/variants", async (Guid workspaceId, WorkspaceEventIndex index, int? limit) =>
        {
            var report = VariantsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId)));
            return Results.Ok(limit is > 0 ? report with { Variants = report.Variants.Take(limit.Value).ToList() } : report);
        }).Viewer().Produces<VariantsReport>();

        analytics.MapGet("/funnel", async (Guid workspaceId, WorkspaceEventIndex index, string[]? steps, string? window, string? mode, string[]? exclude, string? breakdown, int? top) =>
        {
            var parsed = ParseFunnel(steps, window, mode, exclude);
            if (!parsed.IsSuccess)
            {
                return ProblemResults.For(parsed.Error);
            }

            var log = await index.GetAsync(new WorkspaceId(workspaceId));
            var report = FunnelAnalyzer.Analyze(log, parsed.Value);
            return Results.Ok(new FunnelResponse(report.Steps)
            {
                Histograms = report.Histograms,
                Breakdown = breakdown is null ? null : FunnelBreakdown.By(log, report, breakdown, top is > 0 ? top.Value : 10).ToList(),
            });
        }).Viewer().Produces<FunnelResponse>();

        analytics.MapGet("/funnel/customers", async (Guid workspaceId, WorkspaceEventIndex index, string[]? steps, string? window, string? mode, string[]? exclude, int? step, int? offset, int? limit) =>
        {
            var parsed = ParseFunnel(steps, window, mode, exclude);
            if (!parsed.IsSuccess)
            {
                return ProblemResults.For(parsed.Error);
            }

            if (step is null || step < 1 || step > parsed.Value.Steps.Count || offset is < 0 || limit is < 1 or > 10_000)
            {
                return ProblemResults.For(Error.Invalid("step", $"step is from 1 to {parsed.Value.Steps.Count}; offset ≥ 0; limit from 1 to 10000."));
            }

            var log = await index.GetAsync(new WorkspaceId(workspaceId));
            var at = FunnelAnalyzer.Analyze(log, parsed.Value).CustomersAt(step.Value - 1).ToList();
            return Results.Ok(new CustomersResponse(step.Value, at.Count, at.Skip(offset ?? 0).Take(limit ?? 100).Select(customer => log.Customers[customer]).ToList()));
        }).Viewer().Produces<CustomersResponse>();

        analytics.MapGet("/paths", async (Guid workspaceId, WorkspaceEventIndex index, int? steps, int? top, string? session, bool? collapse, string? startAt, string? endAt) =>
        {
            TimeSpan? gap = session is null ? TimeSpan.FromMinutes(30) : session == "off" ? null : Durations.Parse(session);
            if ((session is not null && session != "off" && gap is null) || steps is < 2 || top is < 1)
            {
                return ProblemResults.For(Error.Invalid("session", "session is a duration (30m) or off; steps is at least 2; top at least 1."));
            }

            var definition = new PathDefinition(steps ?? 5, top ?? 10) { SessionGap = gap, CollapseRepeats = collapse ?? false, StartAt = startAt, EndAt = endAt };
            return Results.Ok(PathsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId)), definition));
        }).Viewer().Produces<PathsReport>();

        analytics.MapGet("/retention", async (Guid workspaceId, WorkspaceEventIndex index, string? startEvent, string? returnEvent, string? period, string? timeZone, int? periods, string? mode) =>
        {
            var problems = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(startEvent) || string.IsNullOrEmpty(returnEvent))
            {
                problems["startEvent"] = ["Give startEvent and returnEvent."];
            }

            RetentionPeriod parsedPeriod = RetentionPeriod.Week;
            if (period is not null && (!Enum.TryParse(period, ignoreCase: true, out parsedPeriod) || !Enum.IsDefined(parsedPeriod) || char.IsAsciiDigit(period[0])))
            {
                problems["period"] = ["period is day, week or month."];
            }

            TimeZoneInfo? zone = TimeZoneInfo.Utc;
            if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
            {
                problems["timeZone"] = [$"'{timeZone}' is not a known IANA time zone."];
            }

            if (periods is < 1 or > 400 || mode is not null and not "on" and not "on-or-after")
            {
                problems["periods"] = ["periods is from 1 to 400; mode is on or on-or-after."];
            }

            if (problems.Count > 0)
            {
                return ProblemResults.For(Error.Invalid(problems));
            }

            var definition = new RetentionDefinition(startEvent!, returnEvent!, parsedPeriod, zone, periods ?? 8, mode == "on-or-after");
            return Results.Ok(RetentionAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId)), definition));
        }).Viewer().Produces<RetentionReport>();
    }

    private static Result<FunnelDefinition> ParseFunnel(string[]? steps, string? window, string? mode, string[]? exclude)
    {
        var problems = new Dictionary<string, string[]>();
        var names = (steps ?? []).SelectMany(step => step.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (names.Count == 0)
        {
            problems["steps"] = ["Give the steps: steps=A&steps=B or steps=A,B."];
        }

        var length = window is null ? FunnelDefinition.DefaultWindow : Durations.Parse(window);
        if (length is null)
        {
            problems["window"] = ["A window is a positive number and s, m, h or d (14d)."];
        }

        FunnelMode parsedMode = FunnelMode.Ordered;
        if (mode is not null && (!Enum.TryParse(mode, ignoreCase: true, out parsedMode) || !Enum.IsDefined(parsedMode) || char.IsAsciiDigit(mode[0])))
        {
            problems["mode"] = ["mode is ordered, strict or any."];
        }

        var exclusions = new List<FunnelExclusion>();
        foreach (var text in exclude ?? [])
        {
            if (FunnelExclusions.Parse(text, names.Count) is { } exclusion)
            {
                exclusions.Add(exclusion);
            }
            else
            {
                problems["exclude"] = [FunnelExclusions.Problem(text, names.Count)];
            }
        }

        if (parsedMode == FunnelMode.Any && exclusions.Count > 0)
        {
            problems["exclude"] = ["Exclusions are not supported in any-order funnels."];
        }

        return problems.Count > 0 ? Error.Invalid(problems) : new FunnelDefinition(names, length!.Value, parsedMode) { Exclusions = exclusions };
    }
}
