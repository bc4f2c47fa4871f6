using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waymark.Application.Journeys;
using Waymark.Application.Journeys.Documents;
using Waymark.Application.Storage;
using Waymark.Server.Hosting;

namespace Waymark.Cli;

/// <summary>The <c>waymark</c> command line: serve, journey validate|import|export, migrate, version.</summary>
internal static class WaymarkCommands
{
    private static readonly Option<string?> DataOption = new("--data")
    {
        Description = "The data folder (SQLite file, keys, demo credentials). Default: $WAYMARK_DATA or ./.waymark-data",
    };

    public static RootCommand Root()
    {
        var root = new RootCommand("Waymark: customer journey maps fed with real evidence.");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Journey());
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ImportCommand.Create(DataOption));
        var version = new Command("version", "Print the version.");
        version.SetAction(_ => Console.WriteLine($"waymark {Version()}"));
        root.Subcommands.Add(version);
        return root;
    }

    private static Command Serve()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not create the demo account and workspace." };
        var secureCookies = new Option<bool>("--secure-cookies") { Description = "Browsers reach the server over HTTPS (a TLS proxy in front): use Secure __Host- cookies." };
        var ingestRate = new Option<int>("--ingest-rate") { Description = "Messages a second one write key may send to the ingestion API (twice that in a burst).", DefaultValueFactory = _ => new WaymarkServerOptions().IngestMessagesPerSecondPerKey };
        var serve = new Command("serve", "Start the server (SQLite in the data folder, or PostgreSQL when ConnectionStrings__Postgres is set).") { port, host, noDemo, secureCookies, ingestRate, DataOption };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var options = ServerOptions(parse.GetValue(DataOption));
            options.Port = parse.GetValue(port);
            options.Host = parse.GetValue(host)!;
            options.SeedDemo = !parse.GetValue(noDemo);
            options.SecureCookies = parse.GetValue(secureCookies);
            options.IngestMessagesPerSecondPerKey = parse.GetValue(ingestRate);
            await using var app = WaymarkApp.Build(options);
            var credentials = await WaymarkApp.StartAsync(app, options, cancellationToken);
            Console.WriteLine($"Waymark {Version()} is running on http://{options.Host}:{options.Port}  (store: {StoreName(options)})");
            if (credentials is not null)
            {
                var parts = credentials.Split(' ', 2);
                Console.WriteLine($"Demo account: {parts[0]}  password: {parts[1]}");
            }

            Console.WriteLine("Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return serve;
    }

    private static Command Journey()
    {
        var journey = new Command("journey", "Validate, import, export and render journey documents (*.waymark.json).");
        var file = new Argument<FileInfo>("FILE") { Description = "A journey document." };
        var validate = new Command("validate", "Check a journey document against the schema and the journey rules.") { file };
        validate.SetAction(async (parse, cancellationToken) =>
        {
            var (exitCode, document) = await ReadDocumentAsync(parse.GetValue(file)!, cancellationToken);
            if (document is not null)
            {
                Console.WriteLine($"valid: \"{document.Journey.Name}\" — {document.Journey.Stages.Count} stages, {document.Journey.Touchpoints.Count()} touchpoints, {document.Journey.Cards.Count} cards, {document.Personas.Count} personas");
            }

            return exitCode;
        });

        var workspace = new Option<Guid?>("--workspace") { Description = "The workspace id; may be left out when the store has exactly one workspace." };
        var import = new Command("import", "Import a journey document into a workspace as a new journey.") { file, workspace, DataOption };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"error: {path.FullName} does not exist.");
                return 2;
            }

            await using var store = await LocalStore.OpenAsync(ServerOptions(parse.GetValue(DataOption)), cancellationToken);
            var workspaceId = await store.ResolveWorkspaceAsync(parse.GetValue(workspace), cancellationToken);
            if (workspaceId is null)
            {
                return 2;
            }

            var imported = await store.Services.GetRequiredService<ImportJourneyDocumentCommand>().HandleAsync(workspaceId.Value, await File.ReadAllBytesAsync(path.FullName, cancellationToken), cancellationToken);
            if (!imported.IsSuccess)
            {
                PrintError(imported.Error);
                return 1;
            }

            Console.WriteLine($"imported: {imported.Value.Id}  \"{imported.Value.Name}\" into workspace {workspaceId}");
            return 0;
        });

        var journeyId = new Argument<Guid>("ID") { Description = "The journey's id." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the document here instead of standard output." };
        var export = new Command("export", "Export a journey as a journey document.") { journeyId, workspace, output, DataOption };
        export.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await LocalStore.OpenAsync(ServerOptions(parse.GetValue(DataOption)), cancellationToken);
            var workspaceId = await store.ResolveWorkspaceAsync(parse.GetValue(workspace), cancellationToken);
            if (workspaceId is null)
            {
                return 2;
            }

            var exported = await store.Services.GetRequiredService<ExportJourneyDocumentQuery>().HandleAsync(workspaceId.Value, new Domain.Ids.JourneyId(parse.GetValue(journeyId)), cancellationToken);
            if (!exported.IsSuccess)
            {
                PrintError(exported.Error);
                return 1;
            }

            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, exported.Value.Document, cancellationToken);
                Console.Error.WriteLine($"exported to {target.FullName}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(exported.Value.Document, cancellationToken);
            }

            return 0;
        });

        var renderOutput = new Option<FileInfo>("--out", "-o") { Description = "The file to write: map.svg or map.pdf.", Required = true };
        var paper = new Option<string>("--paper") { Description = "PDF paper, landscape: a3 or a4.", DefaultValueFactory = _ => "a3" };
        paper.AcceptOnlyFromAmong("a3", "a4");
        var render = new Command("render", "Draw a journey document as the editor shows it: SVG, or PDF tiled across A3 or A4 pages.") { file, renderOutput, paper };
        render.SetAction(async (parse, cancellationToken) =>
        {
            var (exitCode, document) = await ReadDocumentAsync(parse.GetValue(file)!, cancellationToken);
            if (document is null)
            {
                return exitCode;
            }

            var target = parse.GetValue(renderOutput)!;
            var names = document.Personas.ToDictionary(persona => persona.Id, persona => persona.Name);
            if (target.Name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                await File.WriteAllTextAsync(target.FullName, Rendering.Maps.JourneySvg.Render(document.Journey, names), cancellationToken);
            }
            else if (target.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                var size = parse.GetValue(paper) == "a4" ? Rendering.Pdf.PdfPaper.A4 : Rendering.Pdf.PdfPaper.A3;
                await File.WriteAllBytesAsync(target.FullName, Rendering.Pdf.JourneyPdf.Render(document.Journey, names, size), cancellationToken);
            }
            else
            {
                Console.Error.WriteLine("error: --out names an .svg or .pdf file.");
                return 2;
            }

            Console.WriteLine($"wrote {target.FullName} ({document.Journey.Stages.Count} stages, {document.Journey.Cards.Count} cards)");
            return 0;
        });

        journey.Subcommands.Add(validate);
        journey.Subcommands.Add(import);
        journey.Subcommands.Add(export);
        journey.Subcommands.Add(render);
        journey.Subcommands.Add(JourneyMetricsCommand.Create());
        return journey;
    }

    /// <summary>Reads and checks a journey document: exit code 2 when the file is missing, 1 (the problems printed)
    /// when it is not a valid document, 0 with the document.</summary>
    private static async Task<(int ExitCode, JourneyDocument? Document)> ReadDocumentAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            Console.Error.WriteLine($"error: {path.FullName} does not exist.");
            return (2, null);
        }

        var read = JourneyDocumentFormat.Read(await File.ReadAllBytesAsync(path.FullName, cancellationToken));
        if (!read.IsSuccess)
        {
            PrintError(read.Error);
            return (1, null);
        }

        return (0, read.Value);
    }

    private static Command Migrate()
    {
        var migrate = new Command("migrate", "Apply pending migrations to the store and exit.") { DataOption };
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var options = ServerOptions(parse.GetValue(DataOption));
            await using var store = await LocalStore.OpenAsync(options, cancellationToken, migrate: false);
            var applied = await store.Services.GetRequiredService<IMigrator>().MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0 ? $"{StoreName(options)}: up to date" : $"{StoreName(options)}: applied {string.Join(", ", applied)}");
            return 0;
        });
        return migrate;
    }

    internal static WaymarkServerOptions ServerOptions(string? data) => new()
    {
        DataDirectory = data ?? Environment.GetEnvironmentVariable("WAYMARK_DATA") ?? ".waymark-data",
        PostgresConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"),
    };

    private static string StoreName(WaymarkServerOptions options) =>
        string.IsNullOrWhiteSpace(options.PostgresConnectionString) ? $"sqlite in {Path.GetFullPath(options.DataDirectory)}" : "postgresql";

    private static void PrintError(Domain.Results.Error error)
    {
        Console.Error.WriteLine($"error [{error.Code}]: {error.Message}");
        foreach (var (path, messages) in error.Fields)
        {
            foreach (var message in messages)
            {
                Console.Error.WriteLine($"  {path}: {message}");
            }
        }
    }

    private static string Version() =>
        typeof(WaymarkCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
