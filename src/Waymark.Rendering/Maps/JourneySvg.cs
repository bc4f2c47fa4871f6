using System.Text;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Text;

namespace Waymark.Rendering.Maps;

/// <summary>Writes a journey map as a standalone SVG document, painted by <see cref="MapPainter"/>. Styling is in
/// presentation attributes only (no <c>&lt;style&gt;</c>, no script, no external references), so the file is the same
/// wherever it is opened and a strict Content-Security-Policy does not change it. Every user text is escaped
/// (<see cref="Markup"/>).</summary>
public static class JourneySvg
{
    private const string Font = "Inter, 'Segoe UI', system-ui, -apple-system, Helvetica, Arial, sans-serif";

    /// <summary>The SVG of <paramref name="journey"/>; <paramref name="personaNames"/> names the journey's personas.</summary>
    public static string Render(Journey journey, IReadOnlyDictionary<PersonaId, string> personaNames)
    {
        var painter = new MapPainter(journey, personaNames);
        var svg = new StringBuilder(4096 + (journey.Cards.Count * 400));
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Markup.Number(painter.Width)).Append("\" height=\"").Append(Markup.Number(painter.Height))
            .Append("\" viewBox=\"0 0 ").Append(Markup.Number(painter.Width)).Append(' ').Append(Markup.Number(painter.Height))
            .Append("\" font-family=\"").Append(Font).Append("\" font-size=\"13\" fill=\"#14213d\">\n<title>");
        Markup.Append(svg, journey.Name);
        svg.Append("</title>\n");
        painter.Paint(new SvgCanvas(svg));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private sealed class SvgCanvas(StringBuilder svg) : IMapCanvas
    {
        public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0)
        {
            svg.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(width))
                .Append("\" height=\"").Append(Markup.Number(height)).Append("\" fill=\"").Append(fill).Append('"');
            if (radius > 0)
            {
                svg.Append(" rx=\"").Append(Markup.Number(radius)).Append('"');
            }

            if (stroke is not null)
            {
                svg.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"1\"");
            }

            svg.Append("/>\n");
        }

        public void Line(double x1, double y1, double x2, double y2, string stroke, bool dashed = false)
        {
            svg.Append("<line x1=\"").Append(Markup.Number(x1)).Append("\" y1=\"").Append(Markup.Number(y1)).Append("\" x2=\"").Append(Markup.Number(x2))
                .Append("\" y2=\"").Append(Markup.Number(y2)).Append("\" stroke=\"").Append(stroke).Append(dashed ? "\" stroke-dasharray=\"3 5\"/>\n" : "\"/>\n");
        }

        public void Text(double x, double y, string text, double size = 13, int weight = 400, string? colour = null, bool italic = false)
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

            svg.Append('>');
            Markup.Append(svg, text);
            svg.Append("</text>\n");
        }

        public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Markup.Number(width)).Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
            foreach (var (x, y) in points)
            {
                svg.Append(Markup.Number(x)).Append(',').Append(Markup.Number(y)).Append(' ');
            }

            svg.Append("\"/>\n");
        }

        public void Circle(double cx, double cy, double radius, string fill, string stroke, double strokeWidth)
        {
            svg.Append("<circle cx=\"").Append(Markup.Number(cx)).Append("\" cy=\"").Append(Markup.Number(cy)).Append("\" r=\"").Append(Markup.Number(radius))
                .Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Markup.Number(strokeWidth)).Append("\"/>\n");
        }
    }
}
