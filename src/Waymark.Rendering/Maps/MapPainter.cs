using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;
using Waymark.Rendering.Text;

namespace Waymark.Rendering.Maps;

/// <summary>Paints a journey map, laid out as in the editor (<see cref="MapLayout"/>), on any <see cref="IMapCanvas"/>:
/// title, goal and persona legend, stage and touchpoint headers, lanes, cards with their linked pain points and
/// opportunities, and one emotion curve per persona.</summary>
public sealed class MapPainter
{
    /// <summary>Colours of the personas' emotion curves, in the order the journey lists them (as in the editor).</summary>
    public static IReadOnlyList<string> PersonaColours { get; } = ["#2563eb", "#db2777", "#0f9d58", "#ea580c", "#7c3aed", "#0891b2"];

    private static readonly string[] StageColours = ["#dbeafe", "#e0e7ff", "#dcfce7", "#fef3c7", "#fee2e2", "#f3e8ff"];

    private readonly Journey _journey;
    private readonly IReadOnlyDictionary<PersonaId, string> _personaNames;

    /// <summary>Prepares the painting of <paramref name="journey"/>; <paramref name="personaNames"/> names its personas
    /// (one without a name is drawn as "Persona").</summary>
    public MapPainter(Journey journey, IReadOnlyDictionary<PersonaId, string> personaNames)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(personaNames);
        _journey = journey;
        _personaNames = personaNames;
        Layout = MapLayout.Of(journey);
        Top = 56 + (journey.PersonaIds.Count > 0 ? 28.0 : 0);
    }

    /// <summary>The map's geometry.</summary>
    public MapLayout Layout { get; }

    /// <summary>Where the grid starts below the title, goal and legend.</summary>
    public double Top { get; }

    /// <summary>The whole drawing's width.</summary>
    public double Width => Layout.Width;

    /// <summary>The whole drawing's height.</summary>
    public double Height => Top + Layout.Height + 16;

    /// <summary>Paints everything on <paramref name="canvas"/>.</summary>
    public void Paint(IMapCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Rect(0, 0, Width, Height, "#ffffff");
        canvas.Text(16, 30, _journey.Name, size: 20, weight: 700);
        if (!string.IsNullOrWhiteSpace(_journey.Goal))
        {
            canvas.Text(16, 48, Fit(_journey.Goal, Width - 32, 12), size: 12, colour: "#5b6779");
        }

        var legendX = 16.0;
        for (var i = 0; i < _journey.PersonaIds.Count; i++)
        {
            var name = _personaNames.TryGetValue(_journey.PersonaIds[i], out var found) ? found : "Persona";
            canvas.Rect(legendX, Top - 22, 18, 4, PersonaColours[i % PersonaColours.Count], radius: 2);
            canvas.Text(legendX + 24, Top - 16, name, size: 12, weight: 600);
            legendX += 48 + TextWrap.Width(name, 12);
        }

        var shifted = new Shifted(canvas, Top);
        Headers(shifted);
        foreach (var lane in Layout.Lanes)
        {
            Lane(shifted, lane);
        }
    }

    /// <summary>Paints only the left column (the corner and the lane names) over whatever is there: for pages that
    /// continue a wide map, so every page says which lane is which.</summary>
    public void PaintLaneLabels(IMapCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var shifted = new Shifted(canvas, Top);
        shifted.Rect(0, 0, MapLayout.LabelWidth, MapLayout.StageHeight + MapLayout.TouchpointHeight, "#ffffff", "#dfe4ec");
        foreach (var lane in Layout.Lanes)
        {
            LaneLabel(shifted, lane);
        }
    }

    private void Headers(IMapCanvas canvas)
    {
        canvas.Rect(0, 0, MapLayout.LabelWidth, MapLayout.StageHeight + MapLayout.TouchpointHeight, "#ffffff", "#dfe4ec");
        foreach (var group in Layout.Columns.GroupBy(column => column.StageIndex))
        {
            var first = group.First();
            var span = group.Count() * MapLayout.ColumnWidth;
            canvas.Rect(first.X, 0, span - 2, MapLayout.StageHeight, StageColours[first.StageIndex % StageColours.Length]);
            canvas.Text(first.X + 12, 26, Fit(first.Stage.Name.ToUpperInvariant(), span - 24, 13), weight: 700, colour: "#1f3a5f");
        }

        foreach (var column in Layout.Columns)
        {
            canvas.Rect(column.X, MapLayout.StageHeight, MapLayout.ColumnWidth, MapLayout.TouchpointHeight, "#ffffff", "#dfe4ec");
            if (column.Touchpoint is not { } touchpoint)
            {
                continue;
            }

            var lines = TextWrap.Lines(touchpoint.Name, MapLayout.ColumnWidth - 20, 13, 2);
            for (var i = 0; i < lines.Count; i++)
            {
                canvas.Text(column.X + 10, MapLayout.StageHeight + 22 + (i * 17), lines[i], weight: 600);
            }

            if (!string.IsNullOrWhiteSpace(touchpoint.Channel))
            {
                var label = Fit(touchpoint.Channel, MapLayout.ColumnWidth - 40, 11);
                canvas.Rect(column.X + 10, MapLayout.StageHeight + 56, TextWrap.Width(label, 11) + 16, 18, "#f4f6fa", radius: 9);
                canvas.Text(column.X + 18, MapLayout.StageHeight + 69, label, size: 11, weight: 600, colour: "#3d4a63");
            }
        }
    }

    private static void LaneLabel(IMapCanvas canvas, MapLane lane)
    {
        canvas.Rect(0, lane.Y, MapLayout.LabelWidth, lane.Height, "#ffffff", "#dfe4ec");
        var labelLines = TextWrap.Lines(lane.Lane.Name, MapLayout.LabelWidth - 24, 13, 2);
        for (var i = 0; i < labelLines.Count; i++)
        {
            canvas.Text(12, lane.Y + 22 + (i * 17), labelLines[i], weight: 650);
        }
    }

    private void Lane(IMapCanvas canvas, MapLane lane)
    {
        var y = lane.Y;
        LaneLabel(canvas, lane);

        var background = lane.Lane.Type switch
        {
            LaneType.PainPoints => "#fffbfa",
            LaneType.Opportunities => "#f6fef9",
            LaneType.Emotions => "#fcfdfd",
            _ => "#fbfcfe",
        };
        foreach (var column in Layout.Columns)
        {
            canvas.Rect(column.X, y, MapLayout.ColumnWidth, lane.Height, background, "#dfe4ec");
        }

        if (lane.Lane.Type == LaneType.Emotions)
        {
            Emotions(canvas, lane);
            return;
        }

        foreach (var placed in lane.Cards)
        {
            Card(canvas, lane, placed);
        }
    }

    private void Card(IMapCanvas canvas, MapLane lane, MapCard placed)
    {
        var x = Layout.Columns[placed.Column].X + 6;
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
        canvas.Rect(x, y, width, MapLayout.CardHeight, "#ffffff", "#dfe4ec", radius: 7);
        canvas.Rect(x, y, 4, MapLayout.CardHeight, accent, radius: 2);

        var heading = placed.Card.PainPointId is { } painPointId ? _journey.PainPoints.FirstOrDefault(p => p.Id == painPointId) is { } pain ? $"S{pain.Severity} · {pain.Title}" : null
            : placed.Card.OpportunityId is { } opportunityId ? _journey.Opportunities.FirstOrDefault(o => o.Id == opportunityId) is { } opportunity ? $"V{opportunity.Value} E{opportunity.Effort} · {opportunity.Title}" : null
            : null;
        var lineY = y + 20;
        var maxLines = 3;
        if (heading is not null)
        {
            canvas.Text(x + 12, lineY, Fit(heading, width - 20, 12.5), size: 12.5, weight: 700);
            lineY += 17;
            maxLines = 2;
        }

        var text = heading is not null && heading.EndsWith(" · " + placed.Card.Text, StringComparison.Ordinal) ? null : placed.Card.Text;
        foreach (var line in TextWrap.Lines(text, width - 20, 12.5, maxLines))
        {
            canvas.Text(x + 12, lineY, line, size: 12.5, italic: lane.Lane.Type == LaneType.Thoughts);
            lineY += 16;
        }
    }

    private void Emotions(IMapCanvas canvas, MapLane lane)
    {
        const double pad = 18;
        double YOf(int score) => lane.Y + pad + ((2 - score) * (MapLayout.EmotionHeight - (2 * pad)) / 4);
        for (var score = -2; score <= 2; score++)
        {
            canvas.Line(MapLayout.LabelWidth, YOf(score), Layout.Width, YOf(score), score == 0 ? "#cbd2dc" : "#e4e7ec", dashed: score != 0);
        }

        canvas.Text(MapLayout.LabelWidth + 4, YOf(2) - 5, "+2", size: 10, colour: "#5b6779");
        canvas.Text(MapLayout.LabelWidth + 4, YOf(-2) + 12, "−2", size: 10, colour: "#5b6779");
        for (var p = 0; p < _journey.PersonaIds.Count; p++)
        {
            var colour = PersonaColours[p % PersonaColours.Count];
            var points = Layout.EmotionScores(_journey, lane.Lane.Id, _journey.PersonaIds[p])
                .Select(point => (X: point.Column.X + (MapLayout.ColumnWidth / 2), Y: YOf(point.Score)))
                .ToList();

            if (points.Count > 1)
            {
                canvas.Polyline(points, colour, 3);
            }

            foreach (var (x, y) in points)
            {
                canvas.Circle(x, y, 6, colour, "#ffffff", 2);
            }
        }
    }

    private static string Fit(string text, double width, double size) => TextWrap.Lines(text, width, size, 1) is [var line, ..] ? line : "";

    /// <summary>The grid's coordinates, moved down below the title block.</summary>
    private sealed class Shifted(IMapCanvas inner, double dy) : IMapCanvas
    {
        public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0) => inner.Rect(x, y + dy, width, height, fill, stroke, radius);

        public void Line(double x1, double y1, double x2, double y2, string stroke, bool dashed = false) => inner.Line(x1, y1 + dy, x2, y2 + dy, stroke, dashed);

        public void Text(double x, double y, string text, double size = 13, int weight = 400, string? colour = null, bool italic = false) => inner.Text(x, y + dy, text, size, weight, colour, italic);

        public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width) => inner.Polyline([.. points.Select(point => (point.X, point.Y + dy))], stroke, width);

        public void Circle(double cx, double cy, double radius, string fill, string stroke, double strokeWidth) => inner.Circle(cx, cy + dy, radius, fill, stroke, strokeWidth);
    }
}
