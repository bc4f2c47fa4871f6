using Waymark.Domain.Ids;
using Waymark.Domain.Journeys;

namespace Waymark.Rendering.Maps;

/// <summary>Where everything of a journey map goes, in points: the geometry the editor draws (stages as column
/// groups, touchpoints as columns, typed lanes as rows, cards spanning their touchpoints and stacking within a lane),
/// shared by the SVG and PDF writers.</summary>
public sealed class MapLayout
{
    public const double LabelWidth = 176;
    public const double ColumnWidth = 208;
    public const double StageHeight = 42;
    public const double TouchpointHeight = 84;
    public const double CardHeight = 68;
    public const double CardGap = 12;
    public const double EmotionHeight = 150;

    private MapLayout(IReadOnlyList<MapColumn> columns, IReadOnlyList<MapLane> lanes, double width, double height)
    {
        Columns = columns;
        Lanes = lanes;
        Width = width;
        Height = height;
    }

    /// <summary>The touchpoint columns, left to right; a stage without touchpoints gets one empty column.</summary>
    public IReadOnlyList<MapColumn> Columns { get; }

    /// <summary>The lanes, top to bottom, with their placed cards.</summary>
    public IReadOnlyList<MapLane> Lanes { get; }

    /// <summary>The whole map's width.</summary>
    public double Width { get; }

    /// <summary>The whole map's height.</summary>
    public double Height { get; }

    /// <summary>Lays out <paramref name="journey"/>.</summary>
    public static MapLayout Of(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var columns = new List<MapColumn>();
        for (var stageIndex = 0; stageIndex < journey.Stages.Count; stageIndex++)
        {
            var stage = journey.Stages[stageIndex];
            if (stage.Touchpoints.Count == 0)
            {
                columns.Add(new MapColumn(columns.Count, stage, stageIndex, null, LabelWidth + (columns.Count * ColumnWidth)));
            }

            foreach (var touchpoint in stage.Touchpoints)
            {
                columns.Add(new MapColumn(columns.Count, stage, stageIndex, touchpoint, LabelWidth + (columns.Count * ColumnWidth)));
            }
        }

        var columnOf = columns.Where(column => column.Touchpoint is not null).ToDictionary(column => column.Touchpoint!.Id, column => column.Index);
        var y = StageHeight + TouchpointHeight;
        var lanes = new List<MapLane>();
        foreach (var lane in journey.Lanes)
        {
            var placed = lane.Type == LaneType.Emotions ? [] : Place(journey.Cards.Where(card => card.LaneId == lane.Id), columnOf);
            var levels = placed.Count == 0 ? 1 : placed.Max(card => card.Level) + 1;
            var height = lane.Type == LaneType.Emotions ? EmotionHeight : (levels * (CardHeight + CardGap)) + CardGap;
            lanes.Add(new MapLane(lane, y, height, placed));
            y += height;
        }

        return new MapLayout(columns, lanes, LabelWidth + (Math.Max(1, columns.Count) * ColumnWidth), y);
    }

    /// <summary>A persona's emotion scores on the emotion lane <paramref name="lane"/>, left to right: one per touchpoint
    /// that has one.</summary>
    public IEnumerable<(MapColumn Column, int Score)> EmotionScores(Journey journey, LaneId lane, PersonaId persona)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var cards = journey.Cards.Where(card => card.LaneId == lane).ToList();
        foreach (var column in Columns)
        {
            if (column.Touchpoint is { } touchpoint
                && cards.Where(card => card.TouchpointIds.Contains(touchpoint.Id)).SelectMany(card => card.Emotions).FirstOrDefault(e => e.PersonaId == persona) is { } score)
            {
                yield return (column, score.Score);
            }
        }
    }

    /// <summary>Cards sorted by first column (widest first), each on the lowest level where it overlaps no other.</summary>
    private static List<MapCard> Place(IEnumerable<Card> cards, Dictionary<TouchpointId, int> columnOf)
    {
        var spans = cards
            .Select(card => (Card: card, At: card.TouchpointIds.Where(columnOf.ContainsKey).Select(id => columnOf[id]).ToList()))
            .Where(entry => entry.At.Count > 0)
            .Select(entry => (entry.Card, First: entry.At.Min(), Last: entry.At.Max()))
            .OrderBy(entry => entry.First).ThenByDescending(entry => entry.Last)
            .ToList();
        var levels = new List<List<(int First, int Last)>>();
        var placed = new List<MapCard>(spans.Count);
        foreach (var (card, first, last) in spans)
        {
            var level = 0;
            while (level < levels.Count && levels[level].Any(other => other.First <= last && first <= other.Last))
            {
                level++;
            }

            if (level == levels.Count)
            {
                levels.Add([]);
            }

            levels[level].Add((first, last));
            placed.Add(new MapCard(card, first, last - first + 1, level));
        }

        return placed;
    }
}

/// <summary>One touchpoint column.</summary>
/// <param name="Index">Position from the left, from 0.</param>
/// <param name="Stage">The stage the column belongs to.</param>
/// <param name="StageIndex">The stage's position.</param>
/// <param name="Touchpoint">The touchpoint; null for the placeholder column of an empty stage.</param>
/// <param name="X">The column's left edge.</param>
public sealed record MapColumn(int Index, Stage Stage, int StageIndex, Touchpoint? Touchpoint, double X);

/// <summary>One lane's row.</summary>
/// <param name="Lane">The lane.</param>
/// <param name="Y">Its top edge.</param>
/// <param name="Height">Its height.</param>
/// <param name="Cards">Its cards, placed.</param>
public sealed record MapLane(Lane Lane, double Y, double Height, IReadOnlyList<MapCard> Cards);

/// <summary>A card on the grid.</summary>
/// <param name="Card">The card.</param>
/// <param name="Column">Its first column.</param>
/// <param name="Span">How many columns it spans.</param>
/// <param name="Level">Its stacking level in the lane, from 0 at the top.</param>
public sealed record MapCard(Card Card, int Column, int Span, int Level);
