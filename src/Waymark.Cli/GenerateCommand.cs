using System.CommandLine;
using Waymark.Application.Generation;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary><c>waymark generate --customers N --seed S --out FILE</c>: synthetic e-commerce journeys (CSV or NDJSON).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "How many customers.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed gives the same file.", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The file to write: .csv or .ndjson/.jsonl.", Required = true };
        var command = new Command("generate", "Generate realistic multi-channel e-commerce journeys (deterministic for a seed).") { customers, seed, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output)!;
            var format = file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv"
                : file.Name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? "ndjson" : null;
            if (format is null || parse.GetValue(customers) <= 0)
            {
                await Console.Error.WriteLineAsync("error: write to a .csv, .ndjson or .jsonl file, for a positive number of customers");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            long events = 0;
            await using (var stream = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 20))
            {
                var writer = new GeneratedEventWriter(stream, format);
                writer.Begin();
                new JourneyGenerator(parse.GetValue(seed)).Generate(parse.GetValue(customers), item =>
                {
                    writer.Write(item);
                    events++;
                });
            }

            await Console.Error.WriteLineAsync($"wrote {events:N0} events of {parse.GetValue(customers):N0} customers to {file.FullName} in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
