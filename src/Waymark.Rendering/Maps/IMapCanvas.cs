namespace Waymark.Rendering.Maps;

/// <summary>What <see cref="MapPainter"/> draws with: the SVG writer and the PDF writer implement it, so both show
/// the same map. Coordinates are in points from the map's top left; colours are <c>#rrggbb</c>.</summary>
public interface IMapCanvas
{
    /// <summary>A filled rectangle, optionally outlined and rounded.</summary>
    void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0);

    /// <summary>A straight line.</summary>
    void Line(double x1, double y1, double x2, double y2, string stroke, bool dashed = false);

    /// <summary>One line of text with its baseline at <paramref name="y"/>; the canvas escapes it as its format needs.</summary>
    void Text(double x, double y, string text, double size = 13, int weight = 400, string? colour = null, bool italic = false);

    /// <summary>A polyline through <paramref name="points"/>.</summary>
    void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width);

    /// <summary>A filled, outlined circle.</summary>
    void Circle(double cx, double cy, double radius, string fill, string stroke, double strokeWidth);
}
