using System.Text;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Text;

namespace Waymark.Rendering.Maps;

/// <summary>A miniature of a journey map for lists (240 × 96): its real stages (coloured, as wide as their
/// touchpoints), a block for every card cell of every lane, and the emotion curves of its personas. No text at all.</summary>
public static class JourneyThumbnail
{
    private const double Width = 240;
    private const double Height = 96;
    private static readonly string[] StageColours = ["#bfdbfe", "#c7d2fe", "#bbf7d0", "#fde68a", "#fecaca", "#e9d5ff"];

    /// <summary>The thumbnail SVG of <paramref name="journey"/>.</summary>
    public static string Render(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var layout = MapLayout.Of(journey);
        var columns = Math.Max(1, layout.Columns.Count);
        var columnWidth = (Width - 8) / columns;
        var svg = new StringBuilder(2048);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 96\" width=\"240\" height=\"96\">\n");
        svg.Append("<rect width=\"240\" height=\"96\" fill=\"#f8fafc\"/>\n");
        foreach (var group in layout.Columns.GroupBy(column => column.StageIndex))
        {
            var x = 4 + (group.First().Index * columnWidth);
            Rect(svg, x + 0.5, 4, (group.Count() * columnWidth) - 1, 9, StageColours[group.Key % StageColours.Length]);
        }

        var lanes = layout.Lanes.Where(lane => lane.Lane.Type != LaneType.Emotions).Take(6).ToList();
        var laneHeight = lanes.Count == 0 ? 0 : Math.Min(8, 40.0 / lanes.Count);
        for (var l = 0; l < lanes.Count; l++)
        {
            foreach (var card in lanes[l].Cards.Where(card => card.Level == 0))
            {
                Rect(svg, 4 + (card.Column * columnWidth) + 1, 16 + (l * laneHeight), (card.Span * columnWidth) - 2, laneHeight - 1.5, "#e2e8f0");
            }
        }

        var emotions = layout.Lanes.FirstOrDefault(lane => lane.Lane.Type == LaneType.Emotions);
        if (emotions is not null)
        {
            for (var p = 0; p < journey.PersonaIds.Count; p++)
            {
                var points = layout.EmotionScores(journey, emotions.Lane.Id, journey.PersonaIds[p])
                    .Select(point => (X: 4 + ((point.Column.Index + 0.5) * columnWidth), Y: 76 - (point.Score * 7.5)))
                    .ToList();
                if (points.Count < 2)
                {
                    continue;
                }

                svg.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke=\"").Append(MapPainter.PersonaColours[p % MapPainter.PersonaColours.Count]).Append("\" points=\"");
                foreach (var (x, y) in points)
                {
                    svg.Append(Markup.Number(x)).Append(',').Append(Markup.Number(y)).Append(' ');
                }

                svg.Append("\"/>\n");
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string fill) =>
        svg.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(Math.Max(0.5, width)))
            .Append("\" height=\"").Append(Markup.Number(Math.Max(0.5, height))).Append("\" rx=\"1.5\" fill=\"").Append(fill).Append("\"/>\n");
}
