namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>Finds a pain point.</summary>
    public Result<PainPoint> FindPainPoint(PainPointId painPointId) =>
        PainPoints.FirstOrDefault(painPoint => painPoint.Id == painPointId) is { } found ? found : Error.NotFound("pain-point", "The pain point does not exist in this journey.");

    /// <summary>Finds an opportunity.</summary>
    public Result<Opportunity> FindOpportunity(OpportunityId opportunityId) =>
        Opportunities.FirstOrDefault(opportunity => opportunity.Id == opportunityId) is { } found ? found : Error.NotFound("opportunity", "The opportunity does not exist in this journey.");

    /// <summary>Adds or replaces (by id) a pain point.</summary>
    public Result<Journey> SavePainPoint(PainPoint painPoint)
    {
        ArgumentNullException.ThrowIfNull(painPoint);
        var painPoints = PainPoints.Any(existing => existing.Id == painPoint.Id)
            ? OrderedList.Replace(PainPoints, existing => existing.Id == painPoint.Id, _ => painPoint)
            : [.. PainPoints, painPoint];
        return (this with { PainPoints = painPoints }).Checked();
    }

    /// <summary>Removes a pain point, the cards that showed it, and the opportunities' links to it.</summary>
    public Result<Journey> RemovePainPoint(PainPointId painPointId) =>
        FindPainPoint(painPointId).Then(_ => (this with
        {
            PainPoints = OrderedList.Remove(PainPoints, painPoint => painPoint.Id == painPointId),
            Cards = OrderedList.Remove(Cards, card => card.PainPointId == painPointId),
            Opportunities = Opportunities.Select(opportunity => opportunity with { PainPointIds = opportunity.PainPointIds.Where(id => id != painPointId).ToList() }).ToList(),
        }).Checked());

    /// <summary>Adds or replaces (by id) an opportunity.</summary>
    public Result<Journey> SaveOpportunity(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var opportunities = Opportunities.Any(existing => existing.Id == opportunity.Id)
            ? OrderedList.Replace(Opportunities, existing => existing.Id == opportunity.Id, _ => opportunity)
            : [.. Opportunities, opportunity];
        return (this with { Opportunities = opportunities }).Checked();
    }

    /// <summary>Removes an opportunity and the cards that showed it.</summary>
    public Result<Journey> RemoveOpportunity(OpportunityId opportunityId) =>
        FindOpportunity(opportunityId).Then(_ => (this with
        {
            Opportunities = OrderedList.Remove(Opportunities, opportunity => opportunity.Id == opportunityId),
            Cards = OrderedList.Remove(Cards, card => card.OpportunityId == opportunityId),
        }).Checked());

    /// <summary>Draws a workspace persona on this journey (appended; a persona already drawn is left as it is).</summary>
    public Result<Journey> AttachPersona(PersonaId personaId) =>
        PersonaIds.Contains(personaId) ? this : (this with { PersonaIds = [.. PersonaIds, personaId] }).Checked();

    /// <summary>Takes a persona off this journey with its emotion scores.</summary>
    public Result<Journey> DetachPersona(PersonaId personaId) =>
        (this with
        {
            PersonaIds = PersonaIds.Where(id => id != personaId).ToList(),
            Cards = Cards.Select(card => card.Emotions.Any(emotion => emotion.PersonaId == personaId)
                ? card with { Emotions = card.Emotions.Where(emotion => emotion.PersonaId != personaId).ToList() }
                : card).ToList(),
        }).Checked();
}
