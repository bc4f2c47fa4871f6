namespace Waymark.Analytics.Surveys;

/// <summary>The survey measures Waymark understands.</summary>
public enum SurveyMetric
{
    /// <summary>Net Promoter Score: answers 0–10; % promoters (9–10) − % detractors (0–6), from −100 to +100.</summary>
    Nps,

    /// <summary>Customer satisfaction: answers 1–5; % satisfied (4–5), the top-2 box — not the mean.</summary>
    Csat,

    /// <summary>Customer effort score: answers 1–7; the mean.</summary>
    Ces,
}
