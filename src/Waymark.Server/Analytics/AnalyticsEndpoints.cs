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
    public sealed record FunnelResponse(IReadOnlyList<FunnelStepResult> Steps);

    public static void MapAnalyticsEndpoints(this RouteGroupBuilder workspace)
    {
        var analytics = workspace.MapGroup("/analytics").WithTags("Analytics");
        analytics.MapGet("/dfg", async (Guid workspaceId, WorkspaceEventIndex index) =>
            Results.Ok(DirectlyFollowsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId))))).Viewer();

        analytics.MapGet("/variants", async (Guid workspaceId, WorkspaceEventIndex index, int? limit) =>
        {
            var report = VariantsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId)));
            return Results.Ok(limit is > 0 ? report with { Variants = report.Variants.Take(limit.Value).ToList() } : report);
        }).Viewer();

        analytics.MapGet("/funnel", async (Guid workspaceId, WorkspaceEventIndex index, string[]? steps, string? window, string? mode, string[]? exclude) =>
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
            if (mode is not null && !Enum.TryParse(mode, ignoreCase: true, out parsedMode))
            {
                problems["mode"] = ["mode is ordered, strict or any."];
            }

            var exclusions = new List<FunnelExclusion>();
            foreach (var text in exclude ?? [])
            {
                var parts = text.Split(':');
                if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var fromStep) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var toStep) && fromStep >= 1 && toStep > fromStep && toStep <= names.Count)
                {
                    exclusions.Add(new FunnelExclusion(parts[0], fromStep - 1, toStep - 1));
                }
                else
                {
                    problems["exclude"] = [$"'{text}' is not ACTIVITY:FROM:TO with 1-based steps, FROM < TO <= {names.Count}."];
                }
            }

            if (parsedMode == FunnelMode.Any && exclusions.Count > 0)
            {
                problems["exclude"] = ["Exclusions are not supported in any-order funnels."];
            }

            if (problems.Count > 0)
            {
                return ProblemResults.For(Error.Invalid(problems));
            }

            var log = await index.GetAsync(new WorkspaceId(workspaceId));
            return Results.Ok(new FunnelResponse(FunnelAnalyzer.Analyze(log, new FunnelDefinition(names, length!.Value, parsedMode) { Exclusions = exclusions }).Steps));
        }).Viewer();

        analytics.MapGet("/paths", async (Guid workspaceId, WorkspaceEventIndex index, int? steps, int? top, string? session, bool? collapse, string? startAt, string? endAt) =>
        {
            TimeSpan? gap = session is null ? TimeSpan.FromMinutes(30) : session == "off" ? null : Durations.Parse(session);
            if ((session is not null && session != "off" && gap is null) || steps is < 2 || top is < 1)
            {
                return ProblemResults.For(Error.Invalid("session", "session is a duration (30m) or off; steps is at least 2; top at least 1."));
            }

            var definition = new PathDefinition(steps ?? 5, top ?? 10) { SessionGap = gap, CollapseRepeats = collapse ?? false, StartAt = startAt, EndAt = endAt };
            return Results.Ok(PathsAnalyzer.Analyze(await index.GetAsync(new WorkspaceId(workspaceId)), definition));
        }).Viewer();

        analytics.MapGet("/retention", async (Guid workspaceId, WorkspaceEventIndex index, string? startEvent, string? returnEvent, string? period, string? timeZone, int? periods, string? mode) =>
        {
            var problems = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(startEvent) || string.IsNullOrEmpty(returnEvent))
            {
                problems["startEvent"] = ["Give startEvent and returnEvent."];
            }

            RetentionPeriod parsedPeriod = RetentionPeriod.Week;
            if (period is not null && !Enum.TryParse(period, ignoreCase: true, out parsedPeriod))
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
        }).Viewer();
    }
}
