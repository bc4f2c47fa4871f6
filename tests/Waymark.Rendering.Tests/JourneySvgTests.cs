using System.Xml.Linq;
using Waymark.Application.Demo;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Maps;
using Waymark.Rendering.Text;

namespace Waymark.Rendering.Tests;

public sealed class JourneySvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("</text><script>window.__xss = 1</script>")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("a & b < c > d \" e ' f")]
    [InlineData("]]><svg onload=alert(1)>")]
    public void Render_CardTextWithMarkup_IsTextInAWellFormedDocument(string payload)
    {
        var (journey, personas) = Demo();
        var card = journey.Cards.First(candidate => candidate.Text.Length > 0);
        journey = journey with { Cards = journey.Cards.Select(other => other.Id == card.Id ? other with { Text = payload } : other).ToList() };

        var document = XDocument.Parse(JourneySvg.Render(journey, Names(personas)));

        Assert.Empty(document.Descendants(Svg + "script"));
        Assert.Empty(document.Descendants(Svg + "img"));
        Assert.DoesNotContain(document.Descendants().Attributes(), attribute => attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        var texts = string.Join("", document.Descendants(Svg + "text").Select(text => text.Value));
        Assert.Contains(payload.Split(' ')[0], texts, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_ControlCharactersAndLoneSurrogates_AreReplaced_SoTheXmlStaysValid()
    {
        var escaped = Markup.Escape("a\u0001b\uD800c\U0001F600d");

        Assert.Equal("a\uFFFDb\uFFFDc\U0001F600d", escaped);
        _ = XDocument.Parse($"<t>{escaped}</t>");
    }

    [Fact]
    public void Render_DemoJourney_DrawsEveryStageTouchpointLaneAndCurve()
    {
        var (journey, personas) = Demo();

        var document = XDocument.Parse(JourneySvg.Render(journey, Names(personas)));
        var texts = document.Descendants(Svg + "text").Select(text => text.Value).ToList();

        Assert.All(journey.Stages, stage => Assert.Contains(stage.Name.ToUpperInvariant(), texts));
        Assert.All(journey.Lanes, lane => Assert.Contains(texts, text => lane.Name.StartsWith(text.TrimEnd('…'), StringComparison.Ordinal)));
        Assert.All(personas, persona => Assert.Contains(persona.Name, texts));
        Assert.Equal(personas.Count, document.Descendants(Svg + "polyline").Count());
        Assert.Equal(journey.Name, document.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Layout_CardsThatOverlapStack_AndASpanningCardCoversItsColumns()
    {
        var (journey, _) = Demo();
        var lane = journey.Lanes.First(candidate => candidate.Type == LaneType.Actions);
        var touchpoints = journey.Touchpoints.Take(3).Select(touchpoint => touchpoint.Id).ToList();
        var wide = new Card { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = touchpoints, Text = "Spans three" };
        journey = journey with { Cards = [.. journey.Cards, wide] };

        var placed = MapLayout.Of(journey).Lanes.Single(candidate => candidate.Lane.Id == lane.Id).Cards;
        var spanning = placed.Single(card => card.Card.Id == wide.Id);

        Assert.Equal((0, 3), (spanning.Column, spanning.Span));
        var below = placed.Where(card => card.Card.Id != wide.Id && card.Column < 3).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, card => Assert.NotEqual(spanning.Level, card.Level));
    }

    [Fact]
    public void Wrap_LongTextEndsWithAnEllipsisWithinItsLines()
    {
        var lines = TextWrap.Lines(string.Join(' ', Enumerable.Repeat("customer", 40)), 180, 12.5, 3);

        Assert.Equal(3, lines.Count);
        Assert.EndsWith("…", lines[^1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(TextWrap.Width(line, 12.5) <= 180));
    }

    private static (Journey Journey, IReadOnlyList<Domain.Personas.Persona> Personas) Demo() =>
        DemoJourney.Create(WorkspaceId.New(), new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private static Dictionary<PersonaId, string> Names(IReadOnlyList<Domain.Personas.Persona> personas) => personas.ToDictionary(persona => persona.Id, persona => persona.Name);
}
