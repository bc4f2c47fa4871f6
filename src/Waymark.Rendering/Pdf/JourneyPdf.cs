using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Maps;

namespace Waymark.Rendering.Pdf;

/// <summary>The paper a PDF is laid out on, always landscape.</summary>
public enum PdfPaper
{
    /// <summary>A3 landscape, 420 × 297 mm.</summary>
    A3,

    /// <summary>A4 landscape, 297 × 210 mm.</summary>
    A4,
}

/// <summary>Writes a journey map as a PDF painted by <see cref="MapPainter"/>: scaled so that its height fits the page
/// (down to a legible minimum), then tiled across as many pages as its width (and, below that minimum, its height)
/// needs, each page labelled with its place; pages that continue the map to the right repeat the lane names. Text is drawn as text with embedded fonts; no script or action is ever
/// written, so user text can only ever be text.</summary>
public static class JourneyPdf
{
    private const double Margin = 24;
    private const double Header = 22;
    private const double MinimumScale = 0.45;

    /// <summary>The PDF of <paramref name="journey"/>.</summary>
    public static byte[] Render(Journey journey, IReadOnlyDictionary<PersonaId, string> personaNames, PdfPaper paper = PdfPaper.A3)
    {
        SystemFonts.EnsureInstalled();
        var painter = new MapPainter(journey, personaNames);
        var (pageWidth, pageHeight) = paper == PdfPaper.A3 ? (1190.55, 841.89) : (841.89, 595.28);
        var contentWidth = pageWidth - (2 * Margin);
        var contentHeight = pageHeight - (2 * Margin) - Header;
        var scale = Math.Clamp(contentHeight / painter.Height, MinimumScale, 1);
        // In map units: the first page shows [0, first); each later one shows the next (first − label) after the labels.
        var first = contentWidth / scale;
        var next = first - MapLayout.LabelWidth;
        var columns = painter.Width <= first ? 1 : 1 + (int)Math.Ceiling((painter.Width - first) / next);
        var rows = Math.Max(1, (int)Math.Ceiling(painter.Height * scale / contentHeight));

        using var document = new PdfDocument();
        document.Info.Title = journey.Name;
        document.Info.Creator = "Waymark";
        var footerFont = new XFont("Waymark", 8);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(pageWidth);
                page.Height = XUnit.FromPoint(pageHeight);
                page.Orientation = PageOrientation.Landscape;
                using var graphics = XGraphics.FromPdfPage(page);
                var place = rows == 1 ? $"page {column + 1} of {columns}" : $"page {(row * columns) + column + 1} of {rows * columns} (row {row + 1}, column {column + 1})";
                graphics.DrawString($"{journey.Name} — {place}", footerFont, XBrushes.DimGray, new XPoint(Margin, Margin + 10), XStringFormats.BaseLineLeft);
                var state = graphics.Save();
                graphics.IntersectClip(new XRect(Margin, Margin + Header, contentWidth, contentHeight));
                var canvas = new PdfCanvas(graphics);
                var start = column == 0 ? 0 : first + ((column - 1) * next) - MapLayout.LabelWidth;
                graphics.TranslateTransform(Margin - (start * scale), Margin + Header - (row * contentHeight));
                graphics.ScaleTransform(scale);
                painter.Paint(canvas);
                graphics.Restore(state);
                if (column > 0)
                {
                    state = graphics.Save();
                    graphics.IntersectClip(new XRect(Margin, Margin + Header, contentWidth, contentHeight));
                    graphics.TranslateTransform(Margin, Margin + Header - (row * contentHeight));
                    graphics.ScaleTransform(scale);
                    painter.PaintLaneLabels(canvas);
                    graphics.Restore(state);
                }
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class PdfCanvas(XGraphics graphics) : IMapCanvas
    {
        private readonly Dictionary<(double, int, bool), XFont> _fonts = [];

        public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0)
        {
            var pen = stroke is null ? null : new XPen(Colour(stroke), 0.75);
            var brush = new XSolidBrush(Colour(fill));
            if (radius > 0)
            {
                graphics.DrawRoundedRectangle(pen, brush, x, y, width, height, radius * 2, radius * 2);
            }
            else
            {
                graphics.DrawRectangle(pen, brush, x, y, width, height);
            }
        }

        public void Line(double x1, double y1, double x2, double y2, string stroke, bool dashed = false) =>
            graphics.DrawLine(new XPen(Colour(stroke), 1) { DashStyle = dashed ? XDashStyle.Dash : XDashStyle.Solid }, x1, y1, x2, y2);

        public void Text(double x, double y, string text, double size = 13, int weight = 400, string? colour = null, bool italic = false)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var key = (size, weight >= 600 ? 1 : 0, italic);
            if (!_fonts.TryGetValue(key, out var font))
            {
                var style = (weight >= 600 ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
                font = new XFont("Waymark", size, style);
                _fonts[key] = font;
            }

            graphics.DrawString(Printable(text), font, new XSolidBrush(Colour(colour ?? "#14213d")), new XPoint(x, y), XStringFormats.BaseLineLeft);
        }

        public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width) =>
            graphics.DrawLines(new XPen(Colour(stroke), width) { LineJoin = XLineJoin.Round, LineCap = XLineCap.Round }, points.Select(point => new XPoint(point.X, point.Y)).ToArray());

        public void Circle(double cx, double cy, double radius, string fill, string stroke, double strokeWidth) =>
            graphics.DrawEllipse(new XPen(Colour(stroke), strokeWidth), new XSolidBrush(Colour(fill)), cx - radius, cy - radius, radius * 2, radius * 2);

        /// <summary>Control characters and lone surrogates replaced, as in the SVG.</summary>
        private static string Printable(string text)
        {
            if (!text.Any(c => c < ' ' || char.IsSurrogate(c)))
            {
                return text;
            }

            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || (char.IsSurrogate(chars[i]) && !IsPair(text, i)))
                {
                    chars[i] = '\uFFFD';
                }
            }

            return new string(chars);
        }

        private static bool IsPair(string text, int i) =>
            (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) || (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]));

        private static XColor Colour(string hex) =>
            XColor.FromArgb(int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
