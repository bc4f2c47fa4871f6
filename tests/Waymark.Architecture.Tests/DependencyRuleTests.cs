using System.Reflection;

namespace Waymark.Architecture.Tests;

/// <summary>The dependency rule of ARCHITECTURE.md, read from the compiled assemblies' references.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Waymark.Domain"] = [],
        ["Waymark.Analytics"] = [],
        ["Waymark.Application"] = ["Waymark.Domain", "Waymark.Analytics"],
        ["Waymark.Rendering"] = ["Waymark.Domain", "Waymark.Analytics"],
        ["Waymark.Storage.Relational"] = ["Waymark.Application", "Waymark.Domain", "Waymark.Analytics"],
        ["Waymark.Storage.Sqlite"] = ["Waymark.Storage.Relational", "Waymark.Application", "Waymark.Domain", "Waymark.Analytics"],
        ["Waymark.Storage.PostgreSql"] = ["Waymark.Storage.Relational", "Waymark.Application", "Waymark.Domain", "Waymark.Analytics"],
        ["Waymark.Server"] = ["Waymark.Application", "Waymark.Domain", "Waymark.Analytics", "Waymark.Rendering", "Waymark.Storage.Relational", "Waymark.Storage.Sqlite", "Waymark.Storage.PostgreSql"],
    };

    public static TheoryData<string> Projects => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyWhatTheRuleAllows(string project)
    {
        var references = Assembly.Load(project).GetReferencedAssemblies().Select(reference => reference.Name!).Where(name => name.StartsWith("Waymark.", StringComparison.Ordinal));

        Assert.Empty(references.Except(Allowed[project]));
    }

    [Theory]
    [InlineData("Waymark.Domain")]
    [InlineData("Waymark.Analytics")]
    public void PureProject_ReferencesOnlyTheFramework(string project)
    {
        var packages = Assembly.Load(project).GetReferencedAssemblies().Select(reference => reference.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib");

        Assert.Empty(packages);
    }

    [Fact]
    public void Cli_IsTheOnlyProjectOnTopOfServer() =>
        Assert.Contains("Waymark.Server", Assembly.Load("waymark").GetReferencedAssemblies().Select(reference => reference.Name));
}
