using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Journeys;
using Waymark.Analytics.Surveys;
using Waymark.Domain.Journeys;
using Waymark.Domain.Segments;

namespace Waymark.Application.Evidence;

/// <summary>Turns a journey map and its evidence into the engine's terms and measures it: the use case behind
/// <c>GET …/journeys/{id}/metrics</c> and <c>waymark journey metrics</c>.</summary>
/// <remarks>
/// <para>Touchpoints are taken stage by stage, left to right; each touchpoint's key is its id. The goal is the last
/// touchpoint that has event matchers (a journey whose touchpoints have none measures nothing).</para>
/// <para>A survey answer is about the touchpoint whose id equals its subject, else whose name equals it (ignoring
/// case), else whose event matchers name it as an event (the first such touchpoint in planned order). Otherwise an
/// answer whose subject is a stage's id or name counts for that stage's scores only.</para>
/// </remarks>
public static class JourneyEvidence
{
    /// <summary>The engine's model of a journey.</summary>
    public static JourneyModel ModelOf(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var touchpoints = journey.Touchpoints.Select(touchpoint => new TouchpointModel(
            touchpoint.Id.ToString(),
            touchpoint.Name,
            touchpoint.EventMatchers.Select(matcher => new EventFilter(matcher.EventName, matcher.Channel, matcher.Conditions.Select(Filter).ToList())).ToList(),
            touchpoint.PlannedDuration is { } planned ? (long)planned.TotalMilliseconds : null)).ToList();
        var goal = touchpoints.FindLastIndex(touchpoint => touchpoint.Filters.Count > 0);
        return new JourneyModel(touchpoints, goal >= 0 ? goal : null);
    }

    /// <summary>The engine's filter for a domain condition.</summary>
    public static PropertyFilter Filter(PropertyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new PropertyFilter(condition.Property, condition.Operator switch
        {
            MatchOperator.Equals => FilterOperator.Equals,
            MatchOperator.NotEquals => FilterOperator.NotEquals,
            MatchOperator.Contains => FilterOperator.Contains,
            _ => FilterOperator.Exists,
        }, condition.Value);
    }

    /// <summary>The engine's rule for a stored segment.</summary>
    public static SegmentRule RuleOf(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new SegmentRule(segment.Name, segment.Conditions.Select(condition => new SegmentRuleCondition(condition.Scope == SegmentScope.Event, Filter(condition.Condition))).ToList(), segment.MatchAll);
    }

    /// <summary>Splits answers into those about a touchpoint (for the engine) and those about a stage.</summary>
    public static (List<JourneyAnswer> Touchpoints, List<(StageId Stage, SurveyResponse Response)> Stages) Resolve(Journey journey, IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(responses);
        var touchpoints = journey.Touchpoints.ToList();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byEvent = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < touchpoints.Count; t++)
        {
            byKey.TryAdd(touchpoints[t].Id.ToString(), t);
            byName.TryAdd(touchpoints[t].Name, t);
            foreach (var matcher in touchpoints[t].EventMatchers)
            {
                byEvent.TryAdd(matcher.EventName, t);
            }
        }

        var stages = new Dictionary<string, StageId>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in journey.Stages)
        {
            stages.TryAdd(stage.Id.ToString(), stage.Id);
            stages.TryAdd(stage.Name, stage.Id);
        }

        var about = new List<JourneyAnswer>();
        var aboutStages = new List<(StageId, SurveyResponse)>();
        foreach (var response in responses)
        {
            if (byKey.TryGetValue(response.Subject, out var t) || byName.TryGetValue(response.Subject, out t) || byEvent.TryGetValue(response.Subject, out t))
            {
                about.Add(new JourneyAnswer(response.Customer, t, response.Metric, response.Score, response.Comment, response.AnsweredAt.ToUnixTimeMilliseconds()));
            }
            else if (stages.TryGetValue(response.Subject, out var stage))
            {
                aboutStages.Add((stage, response));
            }
        }

        return (about, aboutStages);
    }

    /// <summary>Measures a journey: metrics per touchpoint and segment, scores per stage, and pain point candidates.</summary>
    /// <param name="journey">The planned journey.</param>
    /// <param name="log">The events.</param>
    /// <param name="responses">Survey answers (any subject; those about nothing in the journey are left out).</param>
    /// <param name="segments">Up to five segments, each compared with all customers.</param>
    /// <param name="from">Range start, inclusive, or null.</param>
    /// <param name="to">Range end, exclusive, or null.</param>
    public static JourneyEvidenceReport Measure(Journey journey, EventLog log, IEnumerable<SurveyResponse> responses, IReadOnlyList<SegmentRule> segments, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var model = ModelOf(journey);
        var (answers, stageAnswers) = Resolve(journey, responses);
        var options = new JourneyMetricsOptions
        {
            From = from?.ToUnixTimeMilliseconds(),
            To = to?.ToUnixTimeMilliseconds(),
            Segments = segments.Select(segment => new SegmentMembers(segment.Name, segment.Members(log))).ToList(),
            Answers = answers,
        };
        var metrics = model.Touchpoints.Count == 0 ? new JourneyMetricsReport([]) : JourneyMetricsAnalyzer.Analyze(log, model, options);
        var inRange = stageAnswers.Where(pair => (from is null || pair.Response.AnsweredAt >= from) && (to is null || pair.Response.AnsweredAt < to)).ToList();
        var stageScores = journey.Stages.Select(stage =>
        {
            var about = inRange.Where(pair => pair.Stage == stage.Id).Select(pair => pair.Response).ToList();
            SurveyScore Score(SurveyMetric metric) => SurveyScoreCalculator.Score(metric, about.Where(response => response.Metric == metric).Select(response => response.Score).ToList());
            return new StageScores(stage.Id.ToString(), stage.Name, Score(SurveyMetric.Nps), Score(SurveyMetric.Csat), Score(SurveyMetric.Ces));
        }).ToList();
        var candidates = metrics.Segments.Count == 0 ? [] : PainPointRanking.Rank(metrics.Segments[0]);
        return new JourneyEvidenceReport(metrics.Segments, stageScores, candidates);
    }
}

/// <summary>What the evidence says about a journey.</summary>
/// <param name="Segments">All customers first, then each requested segment.</param>
/// <param name="Stages">Scores of the answers about each stage as a whole.</param>
/// <param name="PainPoints">Candidates from all customers' metrics, highest impact first.</param>
public sealed record JourneyEvidenceReport(IReadOnlyList<SegmentJourneyMetrics> Segments, IReadOnlyList<StageScores> Stages, IReadOnlyList<PainPointCandidate> PainPoints);

/// <summary>NPS, CSAT and CES of the answers about one stage.</summary>
public sealed record StageScores(string Key, string Name, SurveyScore Nps, SurveyScore Csat, SurveyScore Ces);
