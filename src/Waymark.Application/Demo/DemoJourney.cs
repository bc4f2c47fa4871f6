using Waymark.Application.Journeys.Templates;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Application.Demo;

/// <summary>The demo's retail journey, "Online order to repeat purchase": two personas, five stages, fifteen
/// touchpoints, every lane filled, with pain points and opportunities linked to the cards that show them.</summary>
internal static class DemoJourney
{
    private sealed record Row(
        string Stage, TouchpointSpec Touchpoint, string Action, string Thought, int Maya, int Tom,
        string Backstage, string Owner, string Kpi, string? Evidence = null);

    private static readonly Row[] Rows =
    [
        new("Aware", new("Sees a seasonal ad on Instagram", "social", "Brand", "Customer", "ad_clicked"), "Scrolls past a spring collection ad and taps it", "Those jackets look nice — are they any good?", 1, 0, "Paid social campaign targets lookalike audiences", "Performance marketing", "Click-through rate 1.8%"),
        new("Aware", new("Hears about the shop from a friend", "in-person", "Customer"), "A friend mentions her order arrived in two days", "If Sara says so, it's worth a look.", 1, 1, "Referral codes issued to recent buyers", "CRM team", "Referral share of new customers 12%", "Interview P4: \"I only trust shops my friends use.\""),
        new("Consideration", new("Browses the product catalogue", "web", "Customer", EventName: "product_viewed"), "Filters jackets by size and price", "Why is my size sold out in every colour?", -1, 0, "Catalogue synced nightly from the warehouse system", "E-commerce product team", "Product views per session 6.2"),
        new("Consideration", new("Compares prices with other shops", "web", "Customer", EventName: "price_compared"), "Opens two competitor tabs", "Is there a discount code somewhere?", 0, -1, "Price monitoring runs weekly", "Pricing team", "Price index vs. market 101", "Analytics: 38% of sessions leave to a comparison site and come back."),
        new("Consideration", new("Reads customer reviews", "web", "Customer", EventName: "reviews_viewed"), "Reads the 3-star reviews first", "Do these run small? Several people say so.", 0, 1, "Reviews collected 14 days after delivery", "Customer insights", "Review coverage 64% of products"),
        new("Purchase", new("Adds items to the basket", "web", "Customer", EventName: "cart_added"), "Adds two jackets in different sizes", "I'll send one back if it doesn't fit.", 1, 1, "Stock reserved for 30 minutes", "E-commerce product team", "Add-to-basket rate 9%"),
        new("Purchase", new("Creates an account at checkout", "web", "Customer", EventName: "account_created", PlannedMinutes: 2), "Is forced to create an account before paying", "Another password? I just want to pay.", -2, -1, "Accounts required for order tracking", "Identity team", "Checkout abandonment at account step 23%", "Session recordings: 1 in 4 leave at the account form."),
        new("Purchase", new("Pays for the order", "web", "Customer", EventName: "order_completed", PlannedMinutes: 3), "Pays with a wallet on the phone", "Good, that was quick.", 1, 1, "Payment provider with 3-D Secure", "Payments team", "Payment success rate 96%"),
        new("Purchase", new("Gets the order confirmation", "email", "Brand", "Customer", "order_confirmation_sent"), "Checks the email for the delivery date", "Only 'within 3–5 days'? I need it by Friday.", -1, 0, "Confirmation sent by the order service", "CRM team", "Confirmation delivered within 1 min 99%"),
        new("Retention", new("Tracks the delivery", "app", "Customer", EventName: "shipment_tracked"), "Opens the tracking link three times a day", "Where is it? The status hasn't changed since Monday.", -2, -1, "Carrier status polled every 6 hours", "Logistics", "Where-is-my-order contacts per 100 orders 7", "Call centre log: 31% of calls are about delivery status."),
        new("Retention", new("Receives the parcel", "in-person", "Customer", EventName: "delivered"), "Unpacks and tries the jackets on", "This one fits perfectly, the other doesn't.", 2, 1, "Packing with a printed returns label", "Warehouse", "On-time delivery 91%"),
        new("Retention", new("Returns an item in store", "store", "Customer", "Store staff", "return_processed", 10), "Brings the second jacket back to a store", "Will I get my money back today?", -1, 0, "Store staff scan the returns label; refund after warehouse check", "Store operations", "Refund time 6 days"),
        new("Retention", new("Calls customer service about the refund", "phone", "Customer", "Agent", "support_call", 8), "Calls to ask where the refund is", "I returned it a week ago — why so slow?", -2, -2, "Agents see the return only after the warehouse check", "Customer service", "First-contact resolution 68%"),
        new("Advocacy", new("Gets a survey and leaves a review", "email", "Brand", "Customer", "survey_answered"), "Answers the NPS survey, writes a short review", "The jacket is great, the refund wasn't.", 0, -1, "NPS survey 14 days after delivery", "Customer insights", "NPS 31 (target 40)"),
        new("Advocacy", new("Buys again with a loyalty voucher", "app", "Customer", EventName: "repeat_purchase"), "Uses a 10% voucher on a second order", "OK, they treat returning customers well.", 1, 2, "Loyalty voucher issued after the first review", "CRM team", "Repeat purchase within 90 days 27%"),
    ];

    public static (Journey Journey, IReadOnlyList<Persona> Personas) Create(WorkspaceId workspaceId, DateTimeOffset now)
    {
        var maya = new Persona
        {
            Id = PersonaId.New(), WorkspaceId = workspaceId, Name = "Maya, the busy parent",
            Description = "38, two children, works full time; shops on her phone in short breaks.",
            Goals = ["Get the right size first time", "Know exactly when the parcel arrives"],
            Needs = ["Fast checkout on mobile", "Reliable delivery dates", "Easy returns"],
            Frustrations = ["Forced account creation", "Vague delivery windows", "Slow refunds"],
            Traits = ["Mobile first", "Values time over price", "Loyal once trust is earned"],
        };
        var tom = new Persona
        {
            Id = PersonaId.New(), WorkspaceId = workspaceId, Name = "Tom, the deal hunter",
            Description = "24, student, compares prices across five shops before buying anything.",
            Goals = ["Pay the lowest price", "Find discount codes"],
            Needs = ["Transparent prices", "Honest reviews", "Loyalty rewards"],
            Frustrations = ["Hidden delivery costs", "Codes that don't work"],
            Traits = ["Desktop and mobile", "Price sensitive", "Writes reviews"],
        };

        var stages = Rows.GroupBy(row => row.Stage)
            .Select(group => new Stage { Id = StageId.New(), Name = group.Key, Touchpoints = group.Select(row => row.Touchpoint.ToTouchpoint()).ToList() })
            .ToList();
        var touchpoints = stages.SelectMany(stage => stage.Touchpoints).ToList();
        var lanes = new Dictionary<LaneType, Lane>();
        foreach (var (type, name) in new[]
        {
            (LaneType.Actions, "Customer actions"), (LaneType.Thoughts, "Thoughts"), (LaneType.Emotions, "Emotions"),
            (LaneType.PainPoints, "Pain points"), (LaneType.Opportunities, "Opportunities"), (LaneType.Channels, "Channels"),
            (LaneType.Backstage, "Backstage"), (LaneType.Owners, "Owners"), (LaneType.Kpis, "KPIs"), (LaneType.Evidence, "Evidence"),
        })
        {
            lanes[type] = new Lane(LaneId.New(), type, name);
        }

        var cards = new List<Card>();
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            var at = new[] { touchpoints[i].Id };
            cards.Add(Card(lanes[LaneType.Actions], at, row.Action));
            cards.Add(Card(lanes[LaneType.Thoughts], at, row.Thought));
            cards.Add(Card(lanes[LaneType.Emotions], at, "") with { Emotions = [new EmotionScore(maya.Id, row.Maya), new EmotionScore(tom.Id, row.Tom)] });
            cards.Add(Card(lanes[LaneType.Channels], at, touchpoints[i].Channel!));
            cards.Add(Card(lanes[LaneType.Backstage], at, row.Backstage));
            cards.Add(Card(lanes[LaneType.Owners], at, row.Owner));
            cards.Add(Card(lanes[LaneType.Kpis], at, row.Kpi));
            if (row.Evidence is not null)
            {
                cards.Add(Card(lanes[LaneType.Evidence], at, row.Evidence));
            }
        }

        var painPoints = new List<PainPoint>
        {
            PainPoint("Forced account creation at checkout", "A quarter of customers leave at the account form.", 5, "Identity team", touchpoints[6]),
            PainPoint("Vague delivery window", "Confirmation says 3–5 days; customers plan around a date.", 3, "Logistics", touchpoints[8], touchpoints[9]),
            PainPoint("Refund takes six days", "Refunds wait for the warehouse check after a store return.", 4, "Store operations", touchpoints[11], touchpoints[12]),
            PainPoint("Sizes sold out", "Popular sizes go out of stock first; filters show them anyway.", 2, "E-commerce product team", touchpoints[2]),
        };
        var opportunities = new List<Opportunity>
        {
            Opportunity("Guest checkout with optional account after payment", 5, 2, "Identity team", [painPoints[0]], touchpoints[6]),
            Opportunity("Exact delivery day with live carrier updates", 4, 3, "Logistics", [painPoints[1]], touchpoints[8], touchpoints[9]),
            Opportunity("Instant refund on store return", 4, 4, "Store operations", [painPoints[2]], touchpoints[11], touchpoints[12]),
            Opportunity("Back-in-stock alerts per size", 3, 2, "E-commerce product team", [painPoints[3]], touchpoints[2]),
        };
        foreach (var painPoint in painPoints)
        {
            cards.Add(Card(lanes[LaneType.PainPoints], painPoint.TouchpointIds, painPoint.Title) with { PainPointId = painPoint.Id });
        }

        foreach (var opportunity in opportunities)
        {
            cards.Add(Card(lanes[LaneType.Opportunities], opportunity.TouchpointIds, opportunity.Title) with { OpportunityId = opportunity.Id });
        }

        var journey = new Journey
        {
            Id = JourneyId.New(), WorkspaceId = workspaceId, Name = "Online order to repeat purchase",
            Type = JourneyType.Purchase, Status = JourneyStatus.Published,
            Goal = "Order the right product online, get it on time, return it without hassle, and come back.",
            Audience = "Online shoppers of the fashion range, first-time and returning",
            TimeFrame = "First order to second order, about 90 days", Owner = "Head of Customer Experience",
            Tags = ["retail", "e-commerce", "demo"], PersonaIds = [maya.Id, tom.Id],
            Stages = stages, Lanes = [.. lanes.Values], Cards = cards, PainPoints = painPoints, Opportunities = opportunities,
            CreatedAt = now, UpdatedAt = now,
        };
        return (journey.Checked().Value, [maya, tom]);
    }

    private static Card Card(Lane lane, IReadOnlyList<TouchpointId> touchpointIds, string text) =>
        new() { Id = CardId.New(), LaneId = lane.Id, TouchpointIds = touchpointIds, Text = text };

    private static PainPoint PainPoint(string title, string description, int severity, string owner, params Touchpoint[] at) =>
        new() { Id = PainPointId.New(), Title = title, Description = description, Severity = severity, Owner = owner, TouchpointIds = at.Select(touchpoint => touchpoint.Id).ToList() };

    private static Opportunity Opportunity(string title, int value, int effort, string owner, PainPoint[] addresses, params Touchpoint[] at) =>
        new()
        {
            Id = OpportunityId.New(), Title = title, Value = value, Effort = effort, Owner = owner,
            TouchpointIds = at.Select(touchpoint => touchpoint.Id).ToList(), PainPointIds = addresses.Select(painPoint => painPoint.Id).ToList(),
        };
}
