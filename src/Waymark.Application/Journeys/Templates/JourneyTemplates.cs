using Waymark.Domain.Journeys;

namespace Waymark.Application.Journeys.Templates;

/// <summary>The starting points for new journeys: purchase journey, service blueprint and experience map.</summary>
public static class JourneyTemplates
{
    /// <summary>The template names, as the API and CLI accept them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["purchase", "service", "experience"];

    /// <summary>Fills <paramref name="blank"/> (name, ids and times set) with a template's stages, touchpoints and lanes.
    /// Errors: <c>template.not-found</c>.</summary>
    public static Result<Journey> Apply(string template, Journey blank)
    {
        ArgumentNullException.ThrowIfNull(blank);
        return template switch
        {
            "purchase" => Build(blank with { Type = JourneyType.Purchase, Goal = "Find, buy and enjoy the right product without friction." }, Purchase, PurchaseLanes),
            "service" => Build(blank with { Type = JourneyType.Service, Goal = "Get the problem solved quickly, first time." }, Service, ServiceLanes),
            "experience" => Build(blank with { Type = JourneyType.Experience, Goal = "Live well with the product over time." }, Experience, ExperienceLanes),
            _ => new Error("template.not-found", $"There is no template '{template}'; use one of: {string.Join(", ", Names)}.", ErrorKind.Validation)
            {
                Fields = new Dictionary<string, string[]> { ["template"] = [$"Use one of: {string.Join(", ", Names)}."] },
            },
        };
    }

    internal static Result<Journey> Build(Journey blank, (string Stage, TouchpointSpec[] Touchpoints)[] stages, (LaneType Type, string Name)[] lanes) =>
        (blank with
        {
            Stages = stages.Select(stage => new Stage { Id = StageId.New(), Name = stage.Stage, Touchpoints = stage.Touchpoints.Select(spec => spec.ToTouchpoint()).ToList() }).ToList(),
            Lanes = lanes.Select(lane => new Lane(LaneId.New(), lane.Type, lane.Name)).ToList(),
        }).Checked();

    private static readonly (LaneType, string)[] PurchaseLanes =
    [
        (LaneType.Actions, "Customer actions"), (LaneType.Thoughts, "Thoughts"), (LaneType.Emotions, "Emotions"),
        (LaneType.PainPoints, "Pain points"), (LaneType.Opportunities, "Opportunities"), (LaneType.Channels, "Channels"),
        (LaneType.Backstage, "Backstage"), (LaneType.Owners, "Owners"), (LaneType.Kpis, "KPIs"),
    ];

    private static readonly (string, TouchpointSpec[])[] Purchase =
    [
        ("Aware", [new("Sees an ad", "social", "Brand", "Customer", "ad_impression"), new("Hears from a friend", "in-person", "Customer")]),
        ("Consideration", [new("Visits the website", "web", "Customer", EventName: "page_view"), new("Compares products", "web", "Customer", EventName: "product_viewed"), new("Reads reviews", "web", "Customer", EventName: "reviews_viewed")]),
        ("Purchase", [new("Adds to basket", "web", "Customer", EventName: "cart_added"), new("Checks out", "web", "Customer", EventName: "checkout_completed", PlannedMinutes: 5), new("Gets the order confirmation", "email", "Brand", "Customer", "order_confirmation_sent")]),
        ("Retention", [new("Receives the delivery", "in-person", "Customer", EventName: "delivered"), new("Contacts support", "phone", "Customer", "Brand", "support_call", 10)]),
        ("Advocacy", [new("Writes a review", "web", "Customer", EventName: "review_written"), new("Recommends to a friend", "in-person", "Customer")]),
    ];

    private static readonly (LaneType, string)[] ServiceLanes =
    [
        (LaneType.Actions, "Customer actions"), (LaneType.Text, "Frontstage"), (LaneType.Backstage, "Backstage"),
        (LaneType.Backstage, "Support processes"), (LaneType.Evidence, "Physical evidence"), (LaneType.Emotions, "Emotions"),
        (LaneType.PainPoints, "Pain points"),
    ];

    private static readonly (string, TouchpointSpec[])[] Service =
    [
        ("Need", [new("Notices a problem", "in-person", "Customer"), new("Looks for help online", "web", "Customer", EventName: "help_center_viewed")]),
        ("Request", [new("Opens a ticket", "web", "Customer", "Service desk", "ticket_created", 5), new("Gets an acknowledgement", "email", "Service desk", "Customer", "ticket_acknowledged")]),
        ("Delivery", [new("Talks to an agent", "phone", "Customer", "Agent", "support_call", 15), new("Follows the agent's steps", "web", "Customer")]),
        ("Resolution", [new("Gets the fix confirmed", "email", "Agent", "Customer", "ticket_resolved"), new("Rates the service", "web", "Customer", EventName: "survey_answered", PlannedMinutes: 2)]),
    ];

    private static readonly (LaneType, string)[] ExperienceLanes =
    [
        (LaneType.Actions, "Doing"), (LaneType.Thoughts, "Thinking"), (LaneType.Emotions, "Feeling"),
        (LaneType.PainPoints, "Pain points"), (LaneType.Opportunities, "Opportunities"), (LaneType.Channels, "Channels"),
    ];

    private static readonly (string, TouchpointSpec[])[] Experience =
    [
        ("Discover", [new("First hears of the brand", "social", "Brand", "Customer")]),
        ("Learn", [new("Explores what it offers", "web", "Customer", EventName: "page_view")]),
        ("Use", [new("Uses it day to day", "app", "Customer", EventName: "app_session"), new("Gets reminders", "app", "Brand", "Customer", "push_sent")]),
        ("Get help", [new("Asks for help", "chat", "Customer", "Brand", "chat_started")]),
        ("Stay or leave", [new("Renews or cancels", "web", "Customer", EventName: "subscription_changed")]),
    ];
}
