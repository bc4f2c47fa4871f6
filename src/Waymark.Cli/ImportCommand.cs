using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Events;
using Waymark.Application.Ingestion;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary><c>waymark import FILE [--workspace ID]</c>: stores an event file in a workspace's event store, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(Option<string?> dataOption)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The event file: .csv, .xes, .xes.gz, .ndjson or .jsonl." };
        var workspace = new Option<Guid?>("--workspace") { Description = "The workspace id; may be left out when the store has exactly one." };
        var customer = new Option<string>("--customer") { Description = "Customer (case) id column.", DefaultValueFactory = _ => "case:concept:name" };
        var activity = new Option<string>("--activity") { Description = "Activity column.", DefaultValueFactory = _ => "concept:name" };
        var timestamp = new Option<string>("--timestamp") { Description = "Timestamp column.", DefaultValueFactory = _ => "time:timestamp" };
        var channel = new Option<string?>("--channel") { Description = "Channel column or event attribute." };
        var lifecycle = new Option<string?>("--lifecycle") { Description = "Keep only events with this lifecycle:transition." };
        var onError = new Option<string>("--on-error") { Description = "fail or skip.", DefaultValueFactory = _ => "fail" };
        onError.AcceptOnlyFromAmong("fail", "skip");
        var command = new Command("import", "Import an event file into a workspace (stored durably; nothing is stored if it fails).") { file, workspace, customer, activity, timestamp, channel, lifecycle, onError, dataOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {path.FullName} does not exist");
                return 2;
            }

            await using var store = await LocalStore.OpenAsync(WaymarkCommands.ServerOptions(parse.GetValue(dataOption)), cancellationToken);
            var workspaceId = await store.ResolveWorkspaceAsync(parse.GetValue(workspace), cancellationToken);
            if (workspaceId is null)
            {
                return 2;
            }

            var options = new EventImportOptions
            {
                Customer = parse.GetValue(customer)!, Activity = parse.GetValue(activity)!, Timestamp = parse.GetValue(timestamp)!,
                Channel = parse.GetValue(channel), Lifecycle = parse.GetValue(lifecycle), FailOnBadRow = parse.GetValue(onError) == "fail",
            };
            var clock = Stopwatch.StartNew();
            await using var stream = new ProgressStream(path.OpenRead(), path.Length, path.Name);
            var result = await store.Services.GetRequiredService<ImportEventsCommand>().HandleAsync(workspaceId.Value, path.Name, null, stream.Stream, options, cancellationToken);
            stream.Finish();
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"error [{result.Error.Code}]: {result.Error.Message}");
                return 1;
            }

            var import = result.Value;
            Console.WriteLine($"import {import.Id}: {import.Imported:N0} events stored from {import.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({import.Duplicates:N0} duplicates, {import.Filtered:N0} left out, {import.BadRowCount:N0} bad)");
            foreach (var bad in import.BadRows.Take(20))
            {
                Console.WriteLine($"  bad row, line {bad.Line}: {bad.Reason}");
            }

            return 0;
        });
        return command;
    }
}
