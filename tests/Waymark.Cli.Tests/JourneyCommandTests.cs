using Waymark.Testing;

namespace Waymark.Cli.Tests;

/// <summary>The real waymark binary on a throw-away data folder: migrate, export the demo journey, validate, import, export again.</summary>
public sealed class JourneyCommandTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CliProcess.RunAsync(_directory.Path, arguments, environment =>
        {
            environment["WAYMARK_DATA"] = Path.Combine(_directory.Path, "data");
            environment.Remove("ConnectionStrings__Postgres");
        });

    [Fact]
    public async Task ValidateImportExport_RoundTripsADocumentExactly()
    {
        var source = Path.Combine(_directory.Path, "source.waymark.json");
        await File.WriteAllBytesAsync(source, Application.Journeys.Documents.JourneyDocumentFormat.Write(
            Application.Journeys.Templates.JourneyTemplates.Apply("service", new Domain.Journeys.Journey { Id = Domain.Ids.JourneyId.New(), WorkspaceId = Domain.Ids.WorkspaceId.New(), Name = "Repair" }).Value, []));
        await using (var server = await WaymarkTestServer.StartAsync(configure: options => options.DataDirectory = Path.Combine(_directory.Path, "data")))
        {
            (await server.SignUpAsync()).Dispose();
        }

        var validated = await RunAsync("journey", "validate", source);
        var imported = await RunAsync("journey", "import", source);
        var journeyId = imported.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var exportedPath = Path.Combine(_directory.Path, "exported.waymark.json");
        var exported = await RunAsync("journey", "export", journeyId, "--out", exportedPath);

        Assert.True(validated.ExitCode == 0, validated.Error);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Equal(await File.ReadAllTextAsync(source), await File.ReadAllTextAsync(exportedPath));
    }

    [Fact]
    public async Task Validate_InvalidDocument_ExitsOneAndPrintsEachPath()
    {
        var file = Path.Combine(_directory.Path, "bad.waymark.json");
        await File.WriteAllTextAsync(file, "{\"formatVersion\": 1, \"journey\": {\"name\": \"\", \"kind\": \"dreamt\"}, \"extra\": true}");

        var (exitCode, _, error) = await RunAsync("journey", "validate", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("$.journey.name", error, StringComparison.Ordinal);
        Assert.Contains("$.journey.kind", error, StringComparison.Ordinal);
        Assert.Contains("$.extra: Unknown field.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("journey", "validate", Path.Combine(_directory.Path, "missing.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
