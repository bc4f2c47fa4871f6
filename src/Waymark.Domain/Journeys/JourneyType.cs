namespace Waymark.Domain.Journeys;

/// <summary>The template family a journey belongs to.</summary>
public enum JourneyType
{
    /// <summary>From awareness to purchase and advocacy.</summary>
    Purchase,

    /// <summary>A service blueprint: frontstage, backstage and support processes.</summary>
    Service,

    /// <summary>A broad experience map across a customer's life with the brand.</summary>
    Experience,
}
