using Waymark.Analytics.Surveys;

namespace Waymark.Application.Evidence;

/// <summary>One survey answer as it arrives from a file or the API.</summary>
/// <param name="Customer">The answering customer's id, as in the events.</param>
/// <param name="Subject">What the answer is about: a touchpoint (its id, its name, or an event name one of its
/// matchers names) or a stage (its id or name). See <see cref="JourneyEvidence"/>.</param>
/// <param name="Metric">NPS (0–10), CSAT (1–5) or CES (1–7, 7 = easiest).</param>
/// <param name="Score">The answer on the metric's scale.</param>
/// <param name="Comment">Free text, or null.</param>
/// <param name="AnsweredAt">When it was answered.</param>
public sealed record SurveyResponse(string Customer, string Subject, SurveyMetric Metric, int Score, string? Comment, DateTimeOffset AnsweredAt)
{
    /// <summary>The lowest and highest answer of a metric.</summary>
    public static (int Min, int Max) Scale(SurveyMetric metric) => metric switch { SurveyMetric.Nps => (0, 10), SurveyMetric.Csat => (1, 5), _ => (1, 7) };

    /// <summary>The metric of a name (nps, csat, ces; any case), or null.</summary>
    public static SurveyMetric? MetricOf(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "NPS" => SurveyMetric.Nps,
        "CSAT" => SurveyMetric.Csat,
        "CES" => SurveyMetric.Ces,
        _ => null,
    };

    /// <summary>Checks a response's fields; the reason it is bad, or null.</summary>
    public static string? Problem(string? customer, string? subject, SurveyMetric? metric, int? score, long? timestamp)
    {
        if (string.IsNullOrWhiteSpace(customer))
        {
            return "no customer";
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return "neither a touchpoint nor a stage";
        }

        if (metric is not { } known)
        {
            return "metric is not one of nps, csat, ces";
        }

        var (min, max) = Scale(known);
        if (score is not { } value || value < min || value > max)
        {
            return $"{known.ToString().ToUpperInvariant()} scores are whole numbers from {min} to {max}";
        }

        return timestamp is null ? "no valid time (ISO 8601 or a common date format)" : null;
    }
}
