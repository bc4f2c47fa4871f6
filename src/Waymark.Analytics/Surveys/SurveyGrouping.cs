namespace Waymark.Analytics.Surveys;

/// <summary>What survey scores are grouped by.</summary>
public enum SurveyGrouping
{
    /// <summary>By the touchpoint each answer is about.</summary>
    Touchpoint,

    /// <summary>By the stage each answer is about.</summary>
    Stage,

    /// <summary>By the answering customer's segment.</summary>
    Segment,
}
