using Waymark.Analytics.Surveys;

namespace Waymark.Analytics.Journeys;

/// <summary>Turns survey scores into the emotion scale of a map, −2 (very negative) to +2 (very positive).</summary>
/// <remarks>Each available score maps linearly and is clipped to [−2, +2]: NPS ÷ 50 (−100 → −2, 0 → 0, +100 → +2);
/// CSAT (% satisfied − 50) ÷ 25 (0% → −2, 50% → 0, 100% → +2); CES (mean − 4) ÷ 1.5 on the 1–7 scale where 7 is
/// easiest (1 → −2, 4 → 0, 7 → +2). With several metrics the emotion is their mean, weighted by answers.
/// Without answers there is no emotion (null): a designed curve there stays a hypothesis.</remarks>
public static class EvidenceEmotion
{
    /// <summary>The emotion of the given scores, or null when none has answers.</summary>
    public static double? Of(params SurveyScore[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double weighted = 0;
        long answers = 0;
        foreach (var score in scores)
        {
            if (score.Score is not { } value || score.Responses == 0)
            {
                continue;
            }

            var emotion = score.Metric switch
            {
                SurveyMetric.Nps => value / 50,
                SurveyMetric.Csat => (value - 50) / 25,
                _ => (value - 4) / 1.5,
            };
            weighted += Math.Clamp(emotion, -2, 2) * score.Responses;
            answers += score.Responses;
        }

        return answers == 0 ? null : weighted / answers;
    }
}
