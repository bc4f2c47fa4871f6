namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>The longest name or title.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest free text (descriptions, card text).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Checks every invariant of the journey.</summary>
    /// <returns>Problems by path relative to the journey (<c>stages[0].touchpoints[1].channel</c>); empty when valid.</returns>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new ProblemList();
        problems.Name("name", Name);
        problems.Text("goal", Goal);
        problems.Text("audience", Audience);
        problems.Text("timeFrame", TimeFrame, MaxNameLength);
        problems.Text("owner", Owner, MaxNameLength);
        ValidateTags(problems);
        problems.Unique("personaIds", PersonaIds, id => id.Value.ToString(), "persona");

        var touchpointOrder = new Dictionary<TouchpointId, int>();
        ValidateStages(problems, touchpointOrder);
        var lanes = ValidateLanes(problems);
        var painPoints = ValidatePainPoints(problems, touchpointOrder);
        ValidateOpportunities(problems, touchpointOrder, painPoints);
        ValidateCards(problems, touchpointOrder, lanes, painPoints);
        return problems.ToDictionary();
    }

    private void ValidateTags(ProblemList problems)
    {
        if (Tags.Count > 20)
        {
            problems.Add("tags", "A journey has at most 20 tags.");
        }

        for (var i = 0; i < Tags.Count; i++)
        {
            problems.Name($"tags[{i}]", Tags[i], 50);
        }

        problems.Unique("tags", Tags, tag => tag.ToUpperInvariant(), "tag");
    }

    private void ValidateStages(ProblemList problems, Dictionary<TouchpointId, int> touchpointOrder)
    {
        problems.Unique("stages", Stages, stage => stage.Id.Value.ToString(), "stage id");
        problems.Unique("stages", Stages, stage => stage.Name.Trim().ToUpperInvariant(), "stage name");
        for (var s = 0; s < Stages.Count; s++)
        {
            var stage = Stages[s];
            var path = $"stages[{s}]";
            problems.Name($"{path}.name", stage.Name);
            problems.Text($"{path}.description", stage.Description);
            for (var t = 0; t < stage.Touchpoints.Count; t++)
            {
                var touchpoint = stage.Touchpoints[t];
                var touchpointPath = $"{path}.touchpoints[{t}]";
                if (!touchpointOrder.TryAdd(touchpoint.Id, touchpointOrder.Count))
                {
                    problems.Add($"{touchpointPath}.id", "Touchpoint ids must be unique within the journey.");
                }

                ValidateTouchpoint(problems, touchpointPath, touchpoint);
            }
        }
    }

    private static void ValidateTouchpoint(ProblemList problems, string path, Touchpoint touchpoint)
    {
        problems.Name($"{path}.name", touchpoint.Name);
        problems.Text($"{path}.description", touchpoint.Description);
        problems.Channel($"{path}.channel", touchpoint.Channel);
        if (touchpoint.Form == TouchpointForm.Communication)
        {
            problems.Required($"{path}.initiator", touchpoint.Initiator, "A communication point needs an initiator.");
            problems.Required($"{path}.receiver", touchpoint.Receiver, "A communication point needs a receiver.");
            problems.Required($"{path}.channel", touchpoint.Channel, "A communication point needs a channel.");
            problems.Absent($"{path}.actor", touchpoint.Actor, "A communication point has an initiator and a receiver, not an actor.");
        }
        else
        {
            problems.Required($"{path}.actor", touchpoint.Actor, "An action needs an actor.");
            problems.Absent($"{path}.initiator", touchpoint.Initiator, "An action has an actor, not an initiator.");
            problems.Absent($"{path}.receiver", touchpoint.Receiver, "An action has an actor, not a receiver.");
        }

        if (touchpoint.PlannedDuration is { } duration && duration <= TimeSpan.Zero)
        {
            problems.Add($"{path}.plannedDuration", "A planned duration must be positive.");
        }

        for (var m = 0; m < touchpoint.EventMatchers.Count; m++)
        {
            var matcher = touchpoint.EventMatchers[m];
            var matcherPath = $"{path}.eventMatchers[{m}]";
            problems.Name($"{matcherPath}.eventName", matcher.EventName);
            problems.Channel($"{matcherPath}.channel", matcher.Channel);
            for (var c = 0; c < matcher.Conditions.Count; c++)
            {
                var condition = matcher.Conditions[c];
                problems.Name($"{matcherPath}.conditions[{c}].property", condition.Property);
                if ((condition.Operator == MatchOperator.Exists) != (condition.Value is null))
                {
                    problems.Add($"{matcherPath}.conditions[{c}].value", "A value is required, except with the exists operator, which takes none.");
                }
            }
        }
    }

    private Dictionary<LaneId, LaneType> ValidateLanes(ProblemList problems)
    {
        var lanes = new Dictionary<LaneId, LaneType>();
        for (var i = 0; i < Lanes.Count; i++)
        {
            problems.Name($"lanes[{i}].name", Lanes[i].Name);
            if (!lanes.TryAdd(Lanes[i].Id, Lanes[i].Type))
            {
                problems.Add($"lanes[{i}].id", "Lane ids must be unique within the journey.");
            }
        }

        return lanes;
    }

    private HashSet<PainPointId> ValidatePainPoints(ProblemList problems, Dictionary<TouchpointId, int> touchpointOrder)
    {
        var ids = new HashSet<PainPointId>();
        for (var i = 0; i < PainPoints.Count; i++)
        {
            var painPoint = PainPoints[i];
            var path = $"painPoints[{i}]";
            if (!ids.Add(painPoint.Id))
            {
                problems.Add($"{path}.id", "Pain point ids must be unique within the journey.");
            }

            problems.Name($"{path}.title", painPoint.Title);
            problems.Text($"{path}.description", painPoint.Description);
            problems.Text($"{path}.owner", painPoint.Owner, MaxNameLength);
            problems.Range($"{path}.severity", painPoint.Severity, 1, 5);
            problems.References($"{path}.touchpointIds", painPoint.TouchpointIds, touchpointOrder.ContainsKey, "touchpoint");
        }

        return ids;
    }

    private void ValidateOpportunities(ProblemList problems, Dictionary<TouchpointId, int> touchpointOrder, HashSet<PainPointId> painPoints)
    {
        var ids = new HashSet<OpportunityId>();
        for (var i = 0; i < Opportunities.Count; i++)
        {
            var opportunity = Opportunities[i];
            var path = $"opportunities[{i}]";
            if (!ids.Add(opportunity.Id))
            {
                problems.Add($"{path}.id", "Opportunity ids must be unique within the journey.");
            }

            problems.Name($"{path}.title", opportunity.Title);
            problems.Text($"{path}.description", opportunity.Description);
            problems.Text($"{path}.owner", opportunity.Owner, MaxNameLength);
            problems.Range($"{path}.value", opportunity.Value, 1, 5);
            problems.Range($"{path}.effort", opportunity.Effort, 1, 5);
            problems.References($"{path}.touchpointIds", opportunity.TouchpointIds, touchpointOrder.ContainsKey, "touchpoint");
            problems.References($"{path}.painPointIds", opportunity.PainPointIds, painPoints.Contains, "pain point");
        }
    }

    private void ValidateCards(ProblemList problems, Dictionary<TouchpointId, int> touchpointOrder, Dictionary<LaneId, LaneType> lanes, HashSet<PainPointId> painPoints)
    {
        var ids = new HashSet<CardId>();
        var opportunities = Opportunities.Select(opportunity => opportunity.Id).ToHashSet();
        var personas = PersonaIds.ToHashSet();
        for (var i = 0; i < Cards.Count; i++)
        {
            var card = Cards[i];
            var path = $"cards[{i}]";
            if (!ids.Add(card.Id))
            {
                problems.Add($"{path}.id", "Card ids must be unique within the journey.");
            }

            if (!lanes.TryGetValue(card.LaneId, out var laneType))
            {
                problems.Add($"{path}.laneId", "The lane does not exist in this journey.");
            }

            ValidateCardSpan(problems, $"{path}.touchpointIds", card.TouchpointIds, touchpointOrder);
            problems.Text($"{path}.text", card.Text);
            ValidateCardContent(problems, path, card, laneType, personas, painPoints, opportunities);
        }
    }

    private static void ValidateCardSpan(ProblemList problems, string path, IReadOnlyList<TouchpointId> span, Dictionary<TouchpointId, int> touchpointOrder)
    {
        if (span.Count == 0)
        {
            problems.Add(path, "A card sits at one touchpoint at least.");
            return;
        }

        for (var t = 0; t < span.Count; t++)
        {
            if (!touchpointOrder.TryGetValue(span[t], out var position))
            {
                problems.Add($"{path}[{t}]", "The touchpoint does not exist in this journey.");
                return;
            }

            if (t > 0 && position != touchpointOrder[span[t - 1]] + 1)
            {
                problems.Add(path, "A card spans adjacent touchpoints, left to right.");
                return;
            }
        }
    }

    private static void ValidateCardContent(
        ProblemList problems, string path, Card card, LaneType laneType,
        HashSet<PersonaId> personas, HashSet<PainPointId> painPoints, HashSet<OpportunityId> opportunities)
    {
        if (card.Emotions.Count > 0 && laneType != LaneType.Emotions)
        {
            problems.Add($"{path}.emotions", "Only cards on an emotions lane hold emotion scores.");
        }

        problems.Unique($"{path}.emotions", card.Emotions, emotion => emotion.PersonaId.Value.ToString(), "persona");
        for (var e = 0; e < card.Emotions.Count; e++)
        {
            problems.Range($"{path}.emotions[{e}].score", card.Emotions[e].Score, EmotionScore.Min, EmotionScore.Max);
            if (!personas.Contains(card.Emotions[e].PersonaId))
            {
                problems.Add($"{path}.emotions[{e}].personaId", "The persona is not drawn on this journey.");
            }
        }

        if (card.PainPointId is { } painPointId)
        {
            problems.Check($"{path}.painPointId", laneType == LaneType.PainPoints, "Only cards on a pain points lane show a pain point.");
            problems.Check($"{path}.painPointId", painPoints.Contains(painPointId), "The pain point does not exist in this journey.");
        }

        if (card.OpportunityId is { } opportunityId)
        {
            problems.Check($"{path}.opportunityId", laneType == LaneType.Opportunities, "Only cards on an opportunities lane show an opportunity.");
            problems.Check($"{path}.opportunityId", opportunities.Contains(opportunityId), "The opportunity does not exist in this journey.");
        }

        if (card.ImageUrl is { } imageUrl)
        {
            problems.Check($"{path}.imageUrl", laneType == LaneType.Image, "Only cards on an image lane show a picture.");
            var isWebAddress = Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            problems.Check($"{path}.imageUrl", isWebAddress, "A picture's address is an absolute http or https URL.");
        }
    }
}
