using System.Text;
using System.Text.Json.Nodes;
using Waymark.Application.Journeys.Documents;
using Waymark.Application.Journeys.Templates;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;

namespace Waymark.Application.Tests.Journeys;

public sealed class JourneyDocumentFormatTests
{
    private static Journey Template(string name) =>
        JourneyTemplates.Apply(name, new Journey { Id = JourneyId.New(), WorkspaceId = WorkspaceId.New(), Name = $"From {name}" }).Value;

    [Theory]
    [InlineData("purchase")]
    [InlineData("service")]
    [InlineData("experience")]
    public void WriteReadWrite_Template_GivesIdenticalBytes(string template)
    {
        var first = JourneyDocumentFormat.Write(Template(template), []);

        var read = JourneyDocumentFormat.Read(first);
        var second = JourneyDocumentFormat.Write(read.Value.Journey, read.Value.Personas);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    [Fact]
    public void Write_Journey_CarriesNoServerIdentity()
    {
        var document = JsonNode.Parse(JourneyDocumentFormat.Write(Template("purchase"), []))!;

        var journey = document["journey"]!.AsObject();
        Assert.False(journey.ContainsKey("id"));
        Assert.False(journey.ContainsKey("workspaceId"));
        Assert.False(journey.ContainsKey("version"));
        Assert.Equal(1, document["formatVersion"]!.GetValue<int>());
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachWithItsJsonPath()
    {
        var document = JsonNode.Parse(JourneyDocumentFormat.Write(Template("purchase"), []))!;
        document["journey"]!["colour"] = "red";
        document["journey"]!["stages"]![0]!["name"] = 42;
        document["journey"]!["stages"]![1]!["touchpoints"]![0]!["form"] = "telepathy";
        document["journey"]!["lanes"]![0]!.AsObject().Remove("type");

        var result = JourneyDocumentFormat.Read(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Equal("document.invalid", result.Error?.Code);
        Assert.Equal(
            ["$.journey.colour", "$.journey.lanes[0].type", "$.journey.stages[0].name", "$.journey.stages[1].touchpoints[0].form"],
            result.Error!.Fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_RuleBrokenInsideValidShape_ReportsJourneyPath()
    {
        var document = JsonNode.Parse(JourneyDocumentFormat.Write(Template("purchase"), []))!;
        document["journey"]!["stages"]![1]!["name"] = "AWARE";

        var result = JourneyDocumentFormat.Read(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Contains("$.journey.stages", result.Error!.Fields.Keys);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 1, \"journey\": {\"name\": \"x\"")]
    [InlineData("")]
    [InlineData("not json")]
    public void Read_NotJson_IsMalformed(string text)
    {
        var result = JourneyDocumentFormat.Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal("document.malformed", result.Error?.Code);
    }

    [Fact]
    public void Read_OtherFormatVersion_IsInvalid()
    {
        var result = JourneyDocumentFormat.Read("{\"formatVersion\": 2, \"journey\": {\"name\": \"x\"}}"u8);

        Assert.Equal(["$.formatVersion"], result.Error!.Fields.Keys);
    }

    [Fact]
    public void Apply_PurchaseTemplate_HasTheFiveClassicStages()
    {
        var journey = Template("purchase");

        Assert.Equal(["Aware", "Consideration", "Purchase", "Retention", "Advocacy"], journey.Stages.Select(stage => stage.Name));
        Assert.Contains(journey.Lanes, lane => lane.Type == LaneType.Emotions);
    }

    [Fact]
    public void Apply_ServiceTemplate_HasBlueprintLanes()
    {
        var journey = Template("service");

        Assert.Equal(["Customer actions", "Frontstage", "Backstage", "Support processes", "Physical evidence"], journey.Lanes.Take(5).Select(lane => lane.Name));
    }

    [Fact]
    public void Apply_UnknownTemplate_IsTemplateNotFound()
    {
        var result = JourneyTemplates.Apply("wedding", new Journey { Id = JourneyId.New(), WorkspaceId = WorkspaceId.New(), Name = "x" });

        Assert.Equal("template.not-found", result.Error?.Code);
    }
}
