using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.Surveys;

/// <summary>Computes NPS, CSAT and CES with 95% confidence intervals.</summary>
/// <remarks>NPS: each answer counts +1 (9–10), 0 (7–8) or −1 (0–6); the interval is the normal one on that mean,
/// times 100. CSAT: the Wilson score interval on the share of 4–5 answers, in percent. CES: mean ± t(n−1)·s/√n with
/// the sample standard deviation. An answer outside the metric's scale is a caller's bug and throws.</remarks>
public static class SurveyScoreCalculator
{
    /// <summary>The score of <paramref name="answers"/> for <paramref name="metric"/>.</summary>
    public static SurveyScore Score(SurveyMetric metric, IReadOnlyCollection<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (min, max) = metric switch { SurveyMetric.Nps => (0, 10), SurveyMetric.Csat => (1, 5), _ => (1, 7) };
        if (answers.Any(answer => answer < min || answer > max))
        {
            throw new ArgumentOutOfRangeException(nameof(answers), $"{metric} answers are from {min} to {max}.");
        }

        long n = answers.Count;
        if (n == 0)
        {
            return new SurveyScore(metric, 0, null, null, null);
        }

        return metric switch
        {
            SurveyMetric.Nps => Nps(answers, n),
            SurveyMetric.Csat => Csat(answers, n),
            _ => Ces(answers, n),
        };
    }

    /// <summary>Scores the answers for <paramref name="metric"/> per touchpoint, stage or segment.</summary>
    /// <remarks>Answers for other metrics are ignored. Groups are ordered by number of answers, most first, then by
    /// name (ordinal); answers that name no group form one group with a null name, listed last.</remarks>
    public static IReadOnlyList<SurveyGroupScore> ScoreBy(IEnumerable<SurveyAnswer> answers, SurveyMetric metric, SurveyGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var ungrouped = new List<int>();
        foreach (var answer in answers)
        {
            if (answer.Metric != metric)
            {
                continue;
            }

            var key = grouping switch
            {
                SurveyGrouping.Touchpoint => answer.Touchpoint,
                SurveyGrouping.Stage => answer.Stage,
                _ => answer.Segment,
            };
            if (key is null)
            {
                ungrouped.Add(answer.Value);
            }
            else if (groups.TryGetValue(key, out var values))
            {
                values.Add(answer.Value);
            }
            else
            {
                groups[key] = [answer.Value];
            }
        }

        var scores = groups
            .OrderByDescending(group => group.Value.Count)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new SurveyGroupScore(group.Key, Score(metric, group.Value)))
            .ToList();
        if (ungrouped.Count > 0)
        {
            scores.Add(new SurveyGroupScore(null, Score(metric, ungrouped)));
        }

        return scores;
    }

    private static SurveyScore Nps(IReadOnlyCollection<int> answers, long n)
    {
        var promoters = answers.Count(answer => answer >= 9) / (double)n;
        var detractors = answers.Count(answer => answer <= 6) / (double)n;
        var mean = promoters - detractors;
        var standardError = Math.Sqrt((promoters + detractors - (mean * mean)) / n);
        return new SurveyScore(SurveyMetric.Nps, n, mean * 100, Math.Max(-100, (mean - (1.96 * standardError)) * 100), Math.Min(100, (mean + (1.96 * standardError)) * 100));
    }

    private static SurveyScore Csat(IReadOnlyCollection<int> answers, long n)
    {
        const double z = 1.96;
        var share = answers.Count(answer => answer >= 4) / (double)n;
        var centre = (share + (z * z / (2 * n))) / (1 + (z * z / n));
        var margin = z * Math.Sqrt((share * (1 - share) / n) + (z * z / (4.0 * n * n))) / (1 + (z * z / n));
        return new SurveyScore(SurveyMetric.Csat, n, share * 100, Math.Max(0, centre - margin) * 100, Math.Min(1, centre + margin) * 100);
    }

    private static SurveyScore Ces(IReadOnlyCollection<int> answers, long n)
    {
        var mean = answers.Average();
        if (n < 2)
        {
            return new SurveyScore(SurveyMetric.Ces, n, mean, null, null);
        }

        var deviation = Math.Sqrt(answers.Sum(answer => (answer - mean) * (answer - mean)) / (n - 1));
        var margin = Normal.StudentT95((int)Math.Min(n - 1, int.MaxValue)) * deviation / Math.Sqrt(n);
        return new SurveyScore(SurveyMetric.Ces, n, mean, Math.Max(1, mean - margin), Math.Min(7, mean + margin));
    }
}
