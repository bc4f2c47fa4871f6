namespace Waymark.Analytics.Journeys;

/// <summary>Finds pain point candidates in a journey's metrics and ranks them by impact = customers affected ×
/// severity (1 to 5).</summary>
/// <remarks>
/// One candidate per touchpoint and kind, when the evidence passes its threshold and at least
/// <see cref="MinimumAffected"/> customers are affected:
/// <list type="bullet">
/// <item><b>drop-off</b>: at least 10% of those who reached the touchpoint dropped off after it; affected = drop-off;
/// severity = 1 + ⌊share × 5⌋, at most 5.</item>
/// <item><b>slow</b>: the median time into the touchpoint exceeds the planned duration; affected = customers slower than
/// planned; severity = 1 + ⌊log2(median ÷ planned) × 2⌋, at most 5.</item>
/// <item><b>low score</b>: NPS below 0, CSAT below 70% or CES below 4, with at least 10 answers; affected = the
/// answers' count; severity 3, or 5 when the whole 95% interval lies below the threshold.</item>
/// <item><b>repeats</b>: at least 20% of those who reached the touchpoint came back to it; affected = repeaters;
/// severity 2, or 3 above 50%.</item>
/// <item><b>deviations</b>: customers skipped the touchpoint or reached it out of order, at least 10% of those who
/// reached or skipped it; affected = skipped + out of order; severity 2.</item>
/// </list>
/// Ties in impact keep planned order, then the order of the kinds above.
/// </remarks>
public static class PainPointRanking
{
    /// <summary>Fewer affected customers than this never make a candidate.</summary>
    public const long MinimumAffected = 5;

    /// <summary>The candidates of one segment's metrics, highest impact first.</summary>
    public static IReadOnlyList<PainPointCandidate> Rank(SegmentJourneyMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var candidates = new List<PainPointCandidate>();
        foreach (var touchpoint in metrics.Touchpoints)
        {
            if (touchpoint.DropOffShare is { } dropShare && dropShare >= 0.10)
            {
                Add(candidates, touchpoint, PainPointKind.DropOff, touchpoint.DropOff, 1 + (int)Math.Floor(dropShare * 5),
                    new Dictionary<string, double> { ["dropOff"] = touchpoint.DropOff, ["dropOffShare"] = dropShare, ["reached"] = touchpoint.Reached });
            }

            if (touchpoint is { MedianSeconds: { } median, PlannedSeconds: { } planned } && median > planned)
            {
                Add(candidates, touchpoint, PainPointKind.Slow, touchpoint.SlowerThanPlanned, 1 + (int)Math.Floor(Math.Log2(median / planned) * 2),
                    new Dictionary<string, double> { ["medianSeconds"] = median, ["plannedSeconds"] = planned, ["slowerThanPlanned"] = touchpoint.SlowerThanPlanned, ["timed"] = touchpoint.Timed });
            }

            foreach (var (score, threshold) in new[] { (touchpoint.Nps, 0.0), (touchpoint.Csat, 70.0), (touchpoint.Ces, 4.0) })
            {
                if (score is { Score: { } value, Responses: >= 10 } && value < threshold)
                {
                    var severity = score.High is { } high && high < threshold ? 5 : 3;
                    Add(candidates, touchpoint, PainPointKind.LowScore, score.Responses, severity,
                        new Dictionary<string, double> { [score.Metric.ToString().ToLowerInvariant()] = value, ["responses"] = score.Responses, ["threshold"] = threshold });
                }
            }

            if (touchpoint.RepeatRate is { } repeatRate && repeatRate >= 0.20)
            {
                Add(candidates, touchpoint, PainPointKind.Repeats, touchpoint.Repeaters, repeatRate > 0.5 ? 3 : 2,
                    new Dictionary<string, double> { ["repeaters"] = touchpoint.Repeaters, ["repeatRate"] = repeatRate });
            }

            var deviating = touchpoint.Skipped + touchpoint.OutOfOrder;
            var exposed = touchpoint.Reached + touchpoint.Skipped;
            if (exposed > 0 && (double)deviating / exposed >= 0.10)
            {
                Add(candidates, touchpoint, PainPointKind.Deviation, deviating, 2,
                    new Dictionary<string, double> { ["skipped"] = touchpoint.Skipped, ["outOfOrder"] = touchpoint.OutOfOrder, ["share"] = (double)deviating / exposed });
            }
        }

        return candidates
            .Select((candidate, order) => (candidate, order))
            .OrderByDescending(pair => pair.candidate.Impact)
            .ThenBy(pair => pair.order)
            .Select(pair => pair.candidate)
            .ToList();
    }

    private static void Add(List<PainPointCandidate> candidates, TouchpointMetrics touchpoint, PainPointKind kind, long affected, int severity, Dictionary<string, double> evidence)
    {
        if (affected < MinimumAffected)
        {
            return;
        }

        severity = Math.Clamp(severity, 1, 5);
        candidates.Add(new PainPointCandidate(touchpoint.Key, touchpoint.Name, kind, affected, severity, checked(affected * severity), evidence, touchpoint.Comments));
    }
}

/// <summary>A pain point suggested by the data.</summary>
/// <param name="Touchpoint">The touchpoint's key.</param>
/// <param name="TouchpointName">Its label.</param>
/// <param name="Kind">What the evidence shows.</param>
/// <param name="Affected">Customers (or answers, for a low score) affected.</param>
/// <param name="Severity">1 to 5.</param>
/// <param name="Impact">Affected × severity.</param>
/// <param name="Evidence">The numbers behind it, by name.</param>
/// <param name="Comments">Sample comments from the touchpoint's lowest-scored answers.</param>
public sealed record PainPointCandidate(string Touchpoint, string TouchpointName, PainPointKind Kind, long Affected, int Severity, long Impact,
    IReadOnlyDictionary<string, double> Evidence, IReadOnlyList<string> Comments);

/// <summary>What kind of evidence a pain point candidate rests on.</summary>
public enum PainPointKind
{
    /// <summary>Many customers drop off after the touchpoint.</summary>
    DropOff,

    /// <summary>The step takes longer than planned.</summary>
    Slow,

    /// <summary>Survey scores are low.</summary>
    LowScore,

    /// <summary>Customers come back to the touchpoint repeatedly.</summary>
    Repeats,

    /// <summary>Customers skip the touchpoint or reach it out of order.</summary>
    Deviation,
}
