using System.Text;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Text;

namespace Waymark.Rendering.Maps;

/// <summary>Writes a journey map as a standalone SVG document, laid out as in the editor. Styling is in presentation
/// attributes only (no <c>&lt;style&gt;</c>, no script, no external references), so the file is the same wherever it
/// is opened and a strict Content-Security-Policy does not change it. Every user text is escaped
/// (<see cref="Markup"/>).</summary>
public static class JourneySvg
{
    /// <summary>Colours of the personas' emotion curves, in the order the journey lists them (as in the editor).</summary>
    public static IReadOnlyList<string> PersonaColours { get; } = ["#2563eb", "#db2777", "#0f9d58", "#ea580c", "#7c3aed", "#0891b2"];

    private static readonly string[] StageColours = ["#dbeafe", "#e0e7ff", "#dcfce7", "#fef3c7", "#fee2e2", "#f3e8ff"];
    private const string Font = "Inter, 'Segoe UI', system-ui, -apple-system, Helvetica, Arial, sans-serif";

    /// <summary>The SVG of <paramref name="journey"/>; <paramref name="personaNames"/> names the journey's personas
    /// (a persona with no name given is drawn as "Persona").</summary>
    public static string Render(Journey journey, IReadOnlyDictionary<PersonaId, string> personaNames)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(personaNames);
        var layout = MapLayout.Of(journey);
        var legend = journey.PersonaIds.Count > 0 ? 28.0 : 0;
        var top = 56 + legend;
        var width = layout.Width;
        var height = top + layout.Height + 16;
        var svg = new StringBuilder(4096 + (journey.Cards.Count * 400));
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Markup.Number(width)).Append("\" height=\"").Append(Markup.Number(height))
            .Append("\" viewBox=\"0 0 ").Append(Markup.Number(width)).Append(' ').Append(Markup.Number(height))
            .Append("\" font-family=\"").Append(Font).Append("\" font-size=\"13\" fill=\"#14213d\">\n");
        svg.Append("<title>");
        Markup.Append(svg, journey.Name);
        svg.Append("</title>\n");
        Rect(svg, 0, 0, width, height, "#ffffff");

        // Title, goal and the persona legend.
        Text(svg, 16, 30, journey.Name, size: 20, weight: 700);
        if (!string.IsNullOrWhiteSpace(journey.Goal))
        {
            Text(svg, 16, 48, Fit(journey.Goal, width - 32, 12), size: 12, colour: "#5b6779");
        }

        var legendX = 16.0;
        for (var i = 0; i < journey.PersonaIds.Count; i++)
        {
            var name = personaNames.TryGetValue(journey.PersonaIds[i], out var found) ? found : "Persona";
            var colour = PersonaColours[i % PersonaColours.Count];
            svg.Append("<rect x=\"").Append(Markup.Number(legendX)).Append("\" y=\"").Append(Markup.Number(top - 22)).Append("\" width=\"18\" height=\"4\" rx=\"2\" fill=\"").Append(colour).Append("\"/>\n");
            Text(svg, legendX + 24, top - 16, name, size: 12, weight: 600);
            legendX += 48 + TextWrap.Width(name, 12);
        }

        svg.Append("<g transform=\"translate(0 ").Append(Markup.Number(top)).Append(")\">\n");
        Headers(svg, layout);
        foreach (var lane in layout.Lanes)
        {
            Lane(svg, journey, layout, lane);
        }

        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static void Headers(StringBuilder svg, MapLayout layout)
    {
        Rect(svg, 0, 0, MapLayout.LabelWidth, MapLayout.StageHeight + MapLayout.TouchpointHeight, "#ffffff", "#dfe4ec");
        foreach (var group in layout.Columns.GroupBy(column => column.StageIndex))
        {
            var first = group.First();
            var span = group.Count() * MapLayout.ColumnWidth;
            Rect(svg, first.X, 0, span - 2, MapLayout.StageHeight, StageColours[first.StageIndex % StageColours.Length]);
            Text(svg, first.X + 12, 26, Fit(first.Stage.Name.ToUpperInvariant(), span - 24, 13), weight: 700, colour: "#1f3a5f", spacing: 0.6);
        }

        foreach (var column in layout.Columns)
        {
            Rect(svg, column.X, MapLayout.StageHeight, MapLayout.ColumnWidth, MapLayout.TouchpointHeight, "#ffffff", "#dfe4ec");
            if (column.Touchpoint is not { } touchpoint)
            {
                continue;
            }

            var lines = TextWrap.Lines(touchpoint.Name, MapLayout.ColumnWidth - 20, 13, 2);
            for (var i = 0; i < lines.Count; i++)
            {
                Text(svg, column.X + 10, MapLayout.StageHeight + 22 + (i * 17), lines[i], weight: 600);
            }

            if (!string.IsNullOrWhiteSpace(touchpoint.Channel))
            {
                var label = Fit(touchpoint.Channel, MapLayout.ColumnWidth - 40, 11);
                var pill = TextWrap.Width(label, 11) + 16;
                svg.Append("<rect x=\"").Append(Markup.Number(column.X + 10)).Append("\" y=\"").Append(Markup.Number(MapLayout.StageHeight + 56))
                    .Append("\" width=\"").Append(Markup.Number(pill)).Append("\" height=\"18\" rx=\"9\" fill=\"#f4f6fa\"/>\n");
                Text(svg, column.X + 18, MapLayout.StageHeight + 69, label, size: 11, weight: 600, colour: "#3d4a63");
            }
        }
    }

    private static void Lane(StringBuilder svg, Journey journey, MapLayout layout, MapLane lane)
    {
        var y = lane.Y;
        Rect(svg, 0, y, MapLayout.LabelWidth, lane.Height, "#ffffff", "#dfe4ec");
        var labelLines = TextWrap.Lines(lane.Lane.Name, MapLayout.LabelWidth - 24, 13, 2);
        for (var i = 0; i < labelLines.Count; i++)
        {
            Text(svg, 12, y + 22 + (i * 17), labelLines[i], weight: 650);
        }

        var background = lane.Lane.Type switch
        {
            LaneType.PainPoints => "#fffbfa",
            LaneType.Opportunities => "#f6fef9",
            LaneType.Emotions => "#fcfdfd",
            _ => "#fbfcfe",
        };
        foreach (var column in layout.Columns)
        {
            Rect(svg, column.X, y, MapLayout.ColumnWidth, lane.Height, background, "#dfe4ec");
        }

        if (lane.Lane.Type == LaneType.Emotions)
        {
            Emotions(svg, journey, layout, lane);
            return;
        }

        foreach (var placed in lane.Cards)
        {
            Card(svg, journey, layout, lane, placed);
        }
    }

    private static void Card(StringBuilder svg, Journey journey, MapLayout layout, MapLane lane, MapCard placed)
    {
        var x = layout.Columns[placed.Column].X + 6;
        var y = lane.Y + MapLayout.CardGap + (placed.Level * (MapLayout.CardHeight + MapLayout.CardGap));
        var width = (placed.Span * MapLayout.ColumnWidth) - 12;
        var accent = lane.Lane.Type switch
        {
            LaneType.Thoughts => "#c4b5fd",
            LaneType.PainPoints => "#f97066",
            LaneType.Opportunities => "#32d583",
            LaneType.Backstage or LaneType.Owners => "#98a2b3",
            LaneType.Kpis => "#fdb022",
            LaneType.Channels => "#22d3ee",
            _ => "#93c5fd",
        };
        svg.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(width))
            .Append("\" height=\"").Append(Markup.Number(MapLayout.CardHeight)).Append("\" rx=\"7\" fill=\"#ffffff\" stroke=\"#dfe4ec\"/>\n");
        svg.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"4\" height=\"").Append(Markup.Number(MapLayout.CardHeight))
            .Append("\" rx=\"2\" fill=\"").Append(accent).Append("\"/>\n");

        var heading = placed.Card.PainPointId is { } painPointId ? journey.PainPoints.FirstOrDefault(p => p.Id == painPointId) is { } pain ? $"S{pain.Severity} · {pain.Title}" : null
            : placed.Card.OpportunityId is { } opportunityId ? journey.Opportunities.FirstOrDefault(o => o.Id == opportunityId) is { } opportunity ? $"V{opportunity.Value} E{opportunity.Effort} · {opportunity.Title}" : null
            : null;
        var lineY = y + 20;
        var maxLines = 3;
        if (heading is not null)
        {
            Text(svg, x + 12, lineY, Fit(heading, width - 20, 12.5), size: 12.5, weight: 700);
            lineY += 17;
            maxLines = 2;
        }

        var italic = lane.Lane.Type == LaneType.Thoughts;
        var text = heading is not null && heading.EndsWith(" · " + placed.Card.Text, StringComparison.Ordinal) ? null : placed.Card.Text;
        foreach (var line in TextWrap.Lines(text, width - 20, 12.5, maxLines))
        {
            Text(svg, x + 12, lineY, line, size: 12.5, italic: italic);
            lineY += 16;
        }
    }

    private static void Emotions(StringBuilder svg, Journey journey, MapLayout layout, MapLane lane)
    {
        const double pad = 18;
        double YOf(int score) => lane.Y + pad + ((2 - score) * (MapLayout.EmotionHeight - (2 * pad)) / 4);
        var right = layout.Width;
        for (var score = -2; score <= 2; score++)
        {
            svg.Append("<line x1=\"").Append(Markup.Number(MapLayout.LabelWidth)).Append("\" x2=\"").Append(Markup.Number(right)).Append("\" y1=\"").Append(Markup.Number(YOf(score)))
                .Append("\" y2=\"").Append(Markup.Number(YOf(score))).Append(score == 0 ? "\" stroke=\"#cbd2dc\"/>\n" : "\" stroke=\"#e4e7ec\" stroke-dasharray=\"3 5\"/>\n");
        }

        Text(svg, MapLayout.LabelWidth + 4, YOf(2) - 5, "+2", size: 10, colour: "#5b6779");
        Text(svg, MapLayout.LabelWidth + 4, YOf(-2) + 12, "−2", size: 10, colour: "#5b6779");
        var cardsAt = journey.Cards.Where(card => card.LaneId == lane.Lane.Id).ToList();
        for (var p = 0; p < journey.PersonaIds.Count; p++)
        {
            var persona = journey.PersonaIds[p];
            var colour = PersonaColours[p % PersonaColours.Count];
            var points = new List<(double X, double Y)>();
            foreach (var column in layout.Columns)
            {
                if (column.Touchpoint is null)
                {
                    continue;
                }

                var score = cardsAt.Where(card => card.TouchpointIds.Contains(column.Touchpoint.Id)).SelectMany(card => card.Emotions).FirstOrDefault(e => e.PersonaId == persona);
                if (score is not null)
                {
                    points.Add((column.X + (MapLayout.ColumnWidth / 2), YOf(score.Score)));
                }
            }

            if (points.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
                foreach (var (x, y) in points)
                {
                    svg.Append(Markup.Number(x)).Append(',').Append(Markup.Number(y)).Append(' ');
                }

                svg.Append("\"/>\n");
            }

            foreach (var (x, y) in points)
            {
                svg.Append("<circle cx=\"").Append(Markup.Number(x)).Append("\" cy=\"").Append(Markup.Number(y)).Append("\" r=\"6\" fill=\"").Append(colour).Append("\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n");
            }
        }
    }

    private static string Fit(string text, double width, double size) => TextWrap.Lines(text, width, size, 1) is [var line, ..] ? line : "";

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string fill, string? stroke = null)
    {
        svg.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(width))
            .Append("\" height=\"").Append(Markup.Number(height)).Append("\" fill=\"").Append(fill);
        if (stroke is not null)
        {
            svg.Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1");
        }

        svg.Append("\"/>\n");
    }

    private static void Text(StringBuilder svg, double x, double y, string? text, double size = 13, int weight = 400, string? colour = null, bool italic = false, double spacing = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        svg.Append("<text x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append('"');
        if (size != 13)
        {
            svg.Append(" font-size=\"").Append(Markup.Number(size)).Append('"');
        }

        if (weight != 400)
        {
            svg.Append(" font-weight=\"").Append(weight).Append('"');
        }

        if (colour is not null)
        {
            svg.Append(" fill=\"").Append(colour).Append('"');
        }

        if (italic)
        {
            svg.Append(" font-style=\"italic\"");
        }

        if (spacing != 0)
        {
            svg.Append(" letter-spacing=\"").Append(Markup.Number(spacing)).Append('"');
        }

        svg.Append('>');
        Markup.Append(svg, text);
        svg.Append("</text>\n");
    }
}
