using System.CommandLine;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Analytics.Paths;
using Waymark.Analytics.Retention;
using Waymark.Analytics.Variants;
using Waymark.Application.Analytics;
using Waymark.Application.Ingestion;

namespace Waymark.Cli;

/// <summary><c>waymark analyze dfg|variants|funnel --log FILE</c>: reads an event file and prints a report as a table or JSON.</summary>
internal static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var analyze = new Command("analyze", "Analyze an event log file (CSV, XES, XES.GZ, NDJSON).");
        analyze.Subcommands.Add(Report("dfg", "The directly-follows graph (PM4Py semantics).", (log, _, _) => DirectlyFollowsAnalyzer.Analyze(log), PrintDfg));
        analyze.Subcommands.Add(Report("variants", "Activity sequences, counted.", (log, _, _) => VariantsAnalyzer.Analyze(log), PrintVariants));
        analyze.Subcommands.Add(Funnel());
        analyze.Subcommands.Add(Paths());
        analyze.Subcommands.Add(Retention());
        return analyze;
    }

    internal sealed class LogOptions
    {
        public Option<FileInfo> Log { get; } = new("--log") { Description = "The event file: .csv, .xes, .xes.gz, .ndjson or .jsonl.", Required = true };

        public Option<string> Customer { get; } = new("--customer") { Description = "Customer (case) id column.", DefaultValueFactory = _ => "case:concept:name" };

        public Option<string> Activity { get; } = new("--activity") { Description = "Activity column.", DefaultValueFactory = _ => "concept:name" };

        public Option<string> Timestamp { get; } = new("--timestamp") { Description = "Timestamp column.", DefaultValueFactory = _ => "time:timestamp" };

        public Option<string?> Channel { get; } = new("--channel") { Description = "Channel column or event attribute." };

        public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "CSV delimiter (detected from the header when left out); 'tab' for a tab." };

        public Option<string?> Lifecycle { get; } = new("--lifecycle") { Description = "Keep only events with this lifecycle:transition (for example complete)." };

        public Option<string> OnError { get; } = new("--on-error") { Description = "fail: stop at the first bad row; skip: import the rest and report the bad rows.", DefaultValueFactory = _ => "fail" };

        public Option<string> Format { get; } = new("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Log, Customer, Activity, Timestamp, Channel, Delimiter, Lifecycle, OnError, Format })
            {
                command.Options.Add(option);
            }

            OnError.AcceptOnlyFromAmong("fail", "skip");
            Format.AcceptOnlyFromAmong("table", "json");
        }
    }

    private static Command Report<T>(string name, string description, Func<EventLog, ParseResult, LogOptions, T> analyze, Action<T> print)
    {
        var options = new LogOptions();
        var command = new Command(name, description);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse, options, log => analyze(log, parse, options), print, cancellationToken));
        return command;
    }

    private static Command Funnel()
    {
        var options = new LogOptions();
        var steps = new Option<string?>("--steps") { Description = "Comma-separated step activities, in order." };
        var step = new Option<string[]>("--step") { Description = "One step activity (repeat for each step; for names with commas)." };
        var window = new Option<string>("--window") { Description = "Conversion window: a number and s, m, h or d.", DefaultValueFactory = _ => "14d" };
        var mode = new Option<string>("--mode") { Description = "ordered, strict or any.", DefaultValueFactory = _ => "ordered" };
        var exclude = new Option<string[]>("--exclude") { Description = "ACTIVITY:FROM:TO — exclude customers who do ACTIVITY between 1-based steps FROM and TO." };
        var breakdown = new Option<string?>("--breakdown") { Description = "Split the counts by a customer property (a case attribute without 'case:'), or by event:NAME, event property NAME of each customer's first event (event:channel, event:org:resource)." };
        var top = new Option<int>("--top") { Description = "Breakdown values shown; the rest are added up as Other.", DefaultValueFactory = _ => 10 };
        mode.AcceptOnlyFromAmong("ordered", "strict", "any");
        var command = new Command("funnel", "Conversion through ordered steps (PostHog semantics).") { steps, step, window, mode, exclude, breakdown, top };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var names = (parse.GetValue(steps)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []).Concat(parse.GetValue(step) ?? []).ToList();
            if (names.Count == 0)
            {
                return Fail("give the steps with --steps \"A,B,C\" or repeated --step NAME");
            }

            if (Durations.Parse(parse.GetValue(window)!) is not { } length)
            {
                return Fail($"'{parse.GetValue(window)}' is not a window: write a positive number and s, m, h or d (14d, 30m)");
            }

            var exclusions = new List<FunnelExclusion>();
            foreach (var text in parse.GetValue(exclude) ?? [])
            {
                if (FunnelExclusions.Parse(text, names.Count) is not { } exclusion)
                {
                    return Fail(FunnelExclusions.Problem(text, names.Count));
                }

                exclusions.Add(exclusion);
            }

            var definition = new FunnelDefinition(names, length, Enum.Parse<FunnelMode>(parse.GetValue(mode)!, ignoreCase: true)) { Exclusions = exclusions };
            var property = parse.GetValue(breakdown);
            return await RunAsync(parse, options, log =>
            {
                var report = FunnelAnalyzer.Analyze(log, definition);
                return new FunnelOutput(report.Steps)
                {
                    Breakdown = property is null ? null : FunnelBreakdown.By(log, report, property, Math.Max(1, parse.GetValue(top))).ToList(),
                };
            }, PrintFunnel, cancellationToken);
        });
        return command;
    }

    private static Command Paths()
    {
        var options = new LogOptions();
        var steps = new Option<int>("--steps") { Description = "Positions per session, counting the drop-off node.", DefaultValueFactory = _ => 5 };
        var top = new Option<int>("--top") { Description = "Targets kept per step; the rest become $other.", DefaultValueFactory = _ => 10 };
        var session = new Option<string>("--session") { Description = "Inactivity that starts a new session (s, m, h, d), or 'off'.", DefaultValueFactory = _ => "30m" };
        var collapse = new Option<bool>("--collapse") { Description = "Collapse consecutive repeats of an event." };
        var startAt = new Option<string?>("--start-at") { Description = "Start each session at this event." };
        var endAt = new Option<string?>("--end-at") { Description = "End each session at this event." };
        var command = new Command("paths", "Paths through the journey as a Sankey (PostHog Paths v2).") { steps, top, session, collapse, startAt, endAt };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var gapText = parse.GetValue(session)!;
            TimeSpan? gap = gapText == "off" ? null : Durations.Parse(gapText);
            if (gapText != "off" && gap is null)
            {
                return Fail($"'{gapText}' is not a session gap: write a number and s, m, h or d, or off");
            }

            if (parse.GetValue(steps) < 2 || parse.GetValue(top) < 1)
            {
                return Fail("--steps is at least 2 and --top at least 1");
            }

            var definition = new PathDefinition(parse.GetValue(steps), parse.GetValue(top)) { SessionGap = gap, CollapseRepeats = parse.GetValue(collapse), StartAt = parse.GetValue(startAt), EndAt = parse.GetValue(endAt) };
            return await RunAsync(parse, options, log => PathsAnalyzer.Analyze(log, definition), PrintPaths, cancellationToken);
        });
        return command;
    }

    private static Command Retention()
    {
        var options = new LogOptions();
        var startEvent = new Option<string>("--start-event") { Description = "The event whose first occurrence puts a customer in a cohort.", Required = true };
        var returnEvent = new Option<string>("--return-event") { Description = "The event that counts as coming back.", Required = true };
        var period = new Option<string>("--period") { Description = "day, week or month.", DefaultValueFactory = _ => "week" };
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of the calendar (Europe/Amsterdam).", DefaultValueFactory = _ => "UTC" };
        var periods = new Option<int>("--periods") { Description = "Periods after the cohort's own.", DefaultValueFactory = _ => 8 };
        var mode = new Option<string>("--mode") { Description = "on (returned in that period) or on-or-after.", DefaultValueFactory = _ => "on" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        mode.AcceptOnlyFromAmong("on", "on-or-after");
        var command = new Command("retention", "Cohort retention by calendar period.") { startEvent, returnEvent, period, zone, periods, mode };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(parse.GetValue(zone)!, out var timeZone))
            {
                return Fail($"'{parse.GetValue(zone)}' is not a time zone this machine knows (use an IANA name such as Europe/Amsterdam)");
            }

            if (parse.GetValue(periods) is < 1 or > 400)
            {
                return Fail("--periods is from 1 to 400");
            }

            var definition = new RetentionDefinition(parse.GetValue(startEvent)!, parse.GetValue(returnEvent)!, Enum.Parse<RetentionPeriod>(parse.GetValue(period)!, ignoreCase: true), timeZone, parse.GetValue(periods), parse.GetValue(mode) == "on-or-after");
            return await RunAsync(parse, options, log => RetentionAnalyzer.Analyze(log, definition), PrintRetention, cancellationToken);
        });
        return command;
    }

    private static void PrintPaths(PathsReport report)
    {
        Console.WriteLine($"{report.Sessions:N0} customer-sessions");
        Console.WriteLine();
        foreach (var link in report.Links)
        {
            Console.WriteLine($"{link.Step,3}  {link.Value,10:N0}  {link.Source} → {link.Target}");
        }
    }

    private static void PrintRetention(RetentionReport report)
    {
        Console.WriteLine($"{"cohort",-12} {"size",9}  " + string.Join(" ", Enumerable.Range(0, report.Cohorts.Count == 0 ? 0 : report.Cohorts[0].Retained.Count).Select(k => $"{k,7}")));
        foreach (var cohort in report.Cohorts)
        {
            Console.WriteLine($"{cohort.Start:yyyy-MM-dd}   {cohort.Size,9:N0}  " + string.Join(" ", cohort.Retained.Select(count => $"{(cohort.Size == 0 ? 0 : (double)count / cohort.Size),7:P1}")));
        }
    }

    private sealed record FunnelOutput(IReadOnlyList<FunnelStepResult> Steps)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<FunnelBreakdownRow>? Breakdown { get; init; }
    }

    internal static async Task<int> RunAsync<T>(ParseResult parse, LogOptions options, Func<EventLog, T> analyze, Action<T> print, CancellationToken cancellationToken, JsonSerializerOptions? json = null)
    {
        var file = parse.GetValue(options.Log)!;
        if (!file.Exists)
        {
            return Fail($"{file.FullName} does not exist");
        }

        var format = EventFileReader.FormatOf(file.Name);
        if (format is null)
        {
            return Fail($"{file.Name}: the extension says no format Waymark reads (.csv, .xes, .xes.gz, .ndjson, .jsonl)");
        }

        var delimiter = parse.GetValue(options.Delimiter);
        var importOptions = new EventImportOptions
        {
            Customer = parse.GetValue(options.Customer)!,
            Activity = parse.GetValue(options.Activity)!,
            Timestamp = parse.GetValue(options.Timestamp)!,
            Channel = parse.GetValue(options.Channel),
            Delimiter = delimiter is null ? null : delimiter == "tab" ? '\t' : delimiter[0],
            Lifecycle = parse.GetValue(options.Lifecycle),
            FailOnBadRow = parse.GetValue(options.OnError) == "fail",
        };
        var builder = new EventLogBuilder();
        var clock = Stopwatch.StartNew();
        await using var stream = new ProgressStream(File.OpenRead(file.FullName), file.Length, file.Name);
        var read = EventFileReader.Read(stream.Stream, format, importOptions, builder);
        stream.Finish();
        if (!read.IsSuccess)
        {
            return Fail($"[{read.Error.Code}] {read.Error.Message}");
        }

        var report = read.Value;
        Console.Error.WriteLine($"read {report.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F2} s: {report.Imported:N0} events, {builder.CustomerCount:N0} customers, {report.Filtered:N0} left out, {report.BadRowCount:N0} bad");
        foreach (var bad in report.BadRows.Take(20))
        {
            Console.Error.WriteLine($"  bad row, line {bad.Line}: {bad.Reason}");
        }

        if (report.BadRowCount > 20)
        {
            Console.Error.WriteLine($"  … and {report.BadRowCount - 20:N0} more bad rows");
        }

        var result = analyze(builder.Build());
        cancellationToken.ThrowIfCancellationRequested();
        if (parse.GetValue(options.Format) == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(result, json ?? Json));
        }
        else
        {
            print(result);
        }

        return 0;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }

    private static void PrintDfg(DirectlyFollowsReport report)
    {
        Console.WriteLine($"{report.Cases:N0} customers, {report.Events:N0} events, {report.Activities} activities, {report.Edges.Count} edges");
        Console.WriteLine();
        Console.WriteLine($"{"count",10}  {"mean",12}  {"median",12}  from → to");
        foreach (var edge in report.Edges)
        {
            Console.WriteLine($"{edge.Count,10:N0}  {Duration(edge.MeanSeconds),12}  {Duration(edge.MedianSeconds),12}  {edge.From} → {edge.To}");
        }
    }

    private static void PrintVariants(VariantsReport report)
    {
        Console.WriteLine($"{report.Cases:N0} customers, {report.Variants.Count:N0} variants");
        Console.WriteLine();
        foreach (var variant in report.Variants.Take(50))
        {
            Console.WriteLine($"{variant.Count,10:N0}  {(double)variant.Count / report.Cases,7:P1}  {string.Join(" → ", variant.Activities)}");
        }

        if (report.Variants.Count > 50)
        {
            Console.WriteLine($"… {report.Variants.Count - 50:N0} more (use --format json for all)");
        }
    }

    private static void PrintFunnel(FunnelOutput funnel)
    {
        PrintSteps(funnel);
        if (funnel.Breakdown is { } rows)
        {
            Console.WriteLine();
            Console.WriteLine($"{"breakdown",-40} " + string.Join(" ", funnel.Steps.Select((_, k) => $"{"step " + (k + 1).ToString(CultureInfo.InvariantCulture),10}")) + "  overall  difference");
            foreach (var row in rows)
            {
                var significance = row.PValue is { } p ? p.ToString("F4", CultureInfo.InvariantCulture) : "—";
                Console.WriteLine($"{Truncate(row.Value, 40),-40} " + string.Join(" ", row.Counts.Select(count => $"{count,10:N0}")) + $"  {Percent(row.Conversion),7}  p vs rest {significance}");
            }
        }
    }

    private static void PrintSteps(FunnelOutput funnel)
    {
        Console.WriteLine($"{"step",-40} {"count",10} {"overall",8} {"of prev",8} {"drop-off",9} {"mean",12} {"median",12}");
        foreach (var step in funnel.Steps)
        {
            Console.WriteLine($"{Truncate(step.Name, 40),-40} {step.Count,10:N0} {Percent(step.Conversion),8} {Percent(step.StepConversion),8} {(step.DropOff?.ToString("N0", CultureInfo.InvariantCulture) ?? "—"),9} {Duration(step.MeanSeconds),12} {Duration(step.MedianSeconds),12}");
        }
    }

    private static string Percent(double? value) => value is { } present ? present.ToString("P1", CultureInfo.InvariantCulture) : "—";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Duration(double? seconds) => seconds switch
    {
        null => "—",
        < 60 => $"{seconds:F0}s",
        < 3600 => $"{seconds / 60:F1}m",
        < 86400 => $"{seconds / 3600:F1}h",
        _ => $"{seconds / 86400:F1}d",
    };
}
