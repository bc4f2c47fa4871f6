using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Waymark.Analytics.Journeys;
using Waymark.Application.Evidence;
using Waymark.Application.Ingestion;
using Waymark.Application.Journeys.Documents;
using Waymark.Application.Json;

namespace Waymark.Cli;

/// <summary><c>waymark journey metrics --journey FILE --log FILE [--responses FILE] [--segment RULE]…</c>: a planned
/// journey measured against an event file — per touchpoint and segment, conformance and pain point candidates.</summary>
internal static class JourneyMetricsCommand
{
    private static readonly JsonSerializerOptions Json = new(WaymarkJson.Options) { WriteIndented = true };

    public static Command Create()
    {
        var options = new AnalyzeCommand.LogOptions();
        var journeyFile = new Option<FileInfo>("--journey") { Description = "The planned journey: a journey document (*.waymark.json) whose touchpoints have event matchers.", Required = true };
        var responses = new Option<FileInfo?>("--responses") { Description = "Survey answers, .csv or .ndjson: customer, touchpoint or stage, metric (nps, csat, ces), score, comment, time." };
        var segments = new Option<string[]>("--segment") { Description = "A segment to compare, up to five: 'channel=Internet', 'event.channel=app and country!=NL' (=, !=, ~ contains, ? present).", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "Count events from this time on (inclusive), ISO 8601." };
        var to = new Option<string?>("--to") { Description = "Count events before this time (exclusive), ISO 8601." };
        var command = new Command("metrics", "Measure a planned journey against an event log: reach, drop-off, time against plan, channels, repeats, scores, conformance, pain points.")
        {
            journeyFile, responses, segments, from, to,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(journeyFile)!;
            if (!path.Exists)
            {
                return AnalyzeCommand.Fail($"{path.FullName} does not exist");
            }

            var document = JourneyDocumentFormat.Read(await File.ReadAllBytesAsync(path.FullName, cancellationToken));
            if (!document.IsSuccess)
            {
                return AnalyzeCommand.Fail($"[{document.Error.Code}] {document.Error.Message}");
            }

            var rules = new List<SegmentRule>();
            foreach (var text in parse.GetValue(segments) ?? [])
            {
                var rule = SegmentRuleText.Parse(text);
                if (!rule.IsSuccess)
                {
                    return AnalyzeCommand.Fail($"[{rule.Error.Code}] {rule.Error.Message}");
                }

                rules.Add(rule.Value);
            }

            if (rules.Count > JourneyMetricsAnalyzer.MaxSegments)
            {
                return AnalyzeCommand.Fail($"at most {JourneyMetricsAnalyzer.MaxSegments} segments at once");
            }

            var (start, end) = (Time(parse.GetValue(from)), Time(parse.GetValue(to)));
            if ((parse.GetValue(from) is not null && start is null) || (parse.GetValue(to) is not null && end is null))
            {
                return AnalyzeCommand.Fail("--from and --to take ISO 8601 times, such as 2026-03-01 or 2026-03-01T12:00:00Z");
            }

            var answers = new List<SurveyResponse>();
            if (parse.GetValue(responses) is { } responseFile)
            {
                var read = ReadResponses(responseFile, parse.GetValue(options.OnError) == "fail", answers);
                if (read != 0)
                {
                    return read;
                }
            }

            return await AnalyzeCommand.RunAsync(parse, options, log => JourneyEvidence.Measure(document.Value.Journey, log, answers, rules, start, end),
                report => Console.WriteLine(Table(report)), cancellationToken, Json);
        });
        return command;
    }

    private static DateTimeOffset? Time(string? text) => Timestamps.Parse(text) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    private static int ReadResponses(FileInfo file, bool failOnBadRow, List<SurveyResponse> answers)
    {
        if (!file.Exists)
        {
            return AnalyzeCommand.Fail($"{file.FullName} does not exist");
        }

        var format = SurveyResponseReader.FormatOf(file.Name);
        if (format is null)
        {
            return AnalyzeCommand.Fail($"{file.Name}: survey answers are read from .csv, .ndjson or .jsonl files");
        }

        using var text = new StreamReader(file.FullName);
        var read = SurveyResponseReader.Read(text, format, new EventImportOptions { FailOnBadRow = failOnBadRow }, answers);
        if (!read.IsSuccess)
        {
            return AnalyzeCommand.Fail($"[{read.Error.Code}] {read.Error.Message}");
        }

        Console.Error.WriteLine($"read {read.Value.Rows:N0} answers: {read.Value.Imported:N0} kept, {read.Value.BadRowCount:N0} bad");
        foreach (var bad in read.Value.BadRows.Take(20))
        {
            Console.Error.WriteLine($"  bad row, line {bad.Line}: {bad.Reason}");
        }

        return 0;
    }

    private static string Table(JourneyEvidenceReport report)
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in report.Segments)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{segment.Segment}: {segment.Customers:N0} customers, {segment.Entered:N0} entered, {segment.Completed:N0} completed; conformant {Percent(segment.Conformance.ConformantShare)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{"reached",9} {"share",7} {"drop-off",9} {"median",10} {"p90",10} {"planned",10} {"repeat",7} {"NPS",6} {"CSAT",6} {"CES",5}  touchpoint");
            foreach (var touchpoint in segment.Touchpoints)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{touchpoint.Reached,9:N0} {Percent(touchpoint.ReachedShare),7} {touchpoint.DropOff,9:N0} {Duration(touchpoint.MedianSeconds),10} {Duration(touchpoint.P90Seconds),10} {Duration(touchpoint.PlannedSeconds),10} {Percent(touchpoint.RepeatRate),7} {Score(touchpoint.Nps.Score),6} {Score(touchpoint.Csat.Score),6} {Score(touchpoint.Ces.Score),5}  {touchpoint.Name}");
            }

            text.AppendLine();
        }

        text.AppendLine("pain point candidates (impact = affected × severity):");
        foreach (var candidate in report.PainPoints.Take(15))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{candidate.Impact,9:N0}  {candidate.Kind,-10} {candidate.Affected,8:N0} × {candidate.Severity}  {candidate.TouchpointName}");
        }

        return text.ToString();
    }

    private static string Percent(double? share) => share is { } value ? value.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Score(double? score) => score is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) : "–";

    private static string Duration(double? seconds) => seconds switch
    {
        null => "–",
        < 120 => $"{seconds:F0}s",
        < 7200 => $"{seconds / 60:F1}m",
        < 172_800 => $"{seconds / 3600:F1}h",
        _ => $"{seconds / 86_400:F1}d",
    };
}
