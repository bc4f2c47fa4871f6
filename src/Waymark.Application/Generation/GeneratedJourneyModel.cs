using Waymark.Analytics.Journeys;

namespace Waymark.Application.Generation;

/// <summary>The planned journey of <see cref="JourneyGenerator"/>'s customers in the engine's terms: 30 touchpoints
/// over its 26 event types (product views, basket additions and deliveries split by channel), the goal at the
/// completed order. For benchmarks and tests of journey metrics at scale.</summary>
public static class GeneratedJourneyModel
{
    /// <summary>The touchpoints in planned order: (key, event, channel or null, planned minutes or null).</summary>
    public static IReadOnlyList<(string Key, string Event, string? Channel, int? PlannedMinutes)> Touchpoints { get; } =
    [
        ("ad_impression", "ad_impression", null, null),
        ("ad_clicked", "ad_clicked", null, 5),
        ("app_opened", "app_opened", null, 24 * 60),
        ("site_visit", "site_visit", null, 24 * 60),
        ("product_viewed_web", "product_viewed", "web", 10),
        ("product_viewed_app", "product_viewed", "app", 10),
        ("search", "search", null, 5),
        ("reviews_viewed", "reviews_viewed", null, 15),
        ("price_compared", "price_compared", null, 60),
        ("store_visit", "store_visit", null, 3 * 24 * 60),
        ("cart_added_web", "cart_added", "web", 30),
        ("cart_added_app", "cart_added", "app", 30),
        ("cart_added_store", "cart_added", "store", 30),
        ("checkout_started", "checkout_started", null, 15),
        ("account_created", "account_created", null, 2),
        ("payment_submitted", "payment_submitted", null, 3),
        ("payment_failed", "payment_failed", null, 1),
        ("order_completed", "order_completed", null, 10),
        ("order_confirmation_sent", "order_confirmation_sent", null, 1),
        ("shipment_tracked", "shipment_tracked", null, 24 * 60),
        ("support_call", "support_call", null, 24 * 60),
        ("delivered_store", "delivered", "store", 3 * 24 * 60),
        ("delivered", "delivered", null, 3 * 24 * 60),
        ("return_requested", "return_requested", null, 3 * 24 * 60),
        ("return_processed", "return_processed", null, 4 * 24 * 60),
        ("refund_issued", "refund_issued", null, 3 * 24 * 60),
        ("survey_answered", "survey_answered", null, 14 * 24 * 60),
        ("review_written", "review_written", null, 60),
        ("referral_sent", "referral_sent", null, 7 * 24 * 60),
        ("repeat_purchase", "repeat_purchase", null, 45 * 24 * 60),
    ];

    /// <summary>The model, with the completed order as the goal.</summary>
    public static JourneyModel Create() => new(
        Touchpoints.Select(touchpoint => new TouchpointModel(touchpoint.Key, touchpoint.Key, [new EventFilter(touchpoint.Event, touchpoint.Channel, [])], touchpoint.PlannedMinutes * 60_000L)).ToList(),
        Goal: Touchpoints.Select(touchpoint => touchpoint.Key).ToList().IndexOf("order_completed"));

    /// <summary>The NPS answers the generator's survey events carry, about the survey touchpoint.</summary>
    public static IReadOnlyList<JourneyAnswer> Answers(IEnumerable<GeneratedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var survey = Touchpoints.Select(touchpoint => touchpoint.Key).ToList().IndexOf("survey_answered");
        return events.Where(item => item.Score is not null)
            .Select(item => new JourneyAnswer(item.Customer, survey, Waymark.Analytics.Surveys.SurveyMetric.Nps, item.Score!.Value, null, item.TimestampMilliseconds))
            .ToList();
    }
}
