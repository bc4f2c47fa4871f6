namespace Waymark.Domain.Journeys;

public sealed partial record Journey
{
    /// <summary>Finds a card.</summary>
    public Result<Card> FindCard(CardId cardId) =>
        Cards.FirstOrDefault(card => card.Id == cardId) is { } found ? found : Error.NotFound("card", "The card does not exist in this journey.");

    /// <summary>Adds a card; its lane, touchpoints and linked objects must exist in the journey.</summary>
    public Result<Journey> AddCard(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Cards.Any(existing => existing.Id == card.Id)
            ? Error.Conflict("card.exists", "A card with this id already exists.")
            : (this with { Cards = [.. Cards, card] }).Checked();
    }

    /// <summary>Replaces a card's content and place, keeping its id.</summary>
    public Result<Journey> UpdateCard(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return FindCard(card.Id).Then(_ => (this with { Cards = OrderedList.Replace(Cards, existing => existing.Id == card.Id, _ => card) }).Checked());
    }

    /// <summary>Moves a card to another lane and/or span of touchpoints; the new lane must allow the card's content.</summary>
    public Result<Journey> MoveCard(CardId cardId, LaneId laneId, IReadOnlyList<TouchpointId> touchpointIds) =>
        FindCard(cardId).Then(card => UpdateCard(card with { LaneId = laneId, TouchpointIds = touchpointIds }));

    /// <summary>Moves a card to <paramref name="position"/> (0 is the top) among the cards of its cell — the cards
    /// with the same lane and first touchpoint. Other cells keep their order.</summary>
    public Result<Journey> ReorderCard(CardId cardId, int position) =>
        FindCard(cardId).Then(card =>
        {
            var others = Cards.Where(other => other.Id != cardId && other.LaneId == card.LaneId && other.TouchpointIds[0] == card.TouchpointIds[0]).ToList();
            if (position < 0 || position > others.Count)
            {
                return OrderedList.OutOfRange(position, others.Count);
            }

            var without = Cards.Where(other => other.Id != cardId).ToList();
            var at = position < others.Count ? without.IndexOf(others[position]) : others.Count == 0 ? without.Count : without.IndexOf(others[^1]) + 1;
            without.Insert(at, card);
            return (this with { Cards = without }).Checked();
        });

    /// <summary>Removes a card.</summary>
    public Result<Journey> RemoveCard(CardId cardId) =>
        FindCard(cardId).Then(_ => (this with { Cards = OrderedList.Remove(Cards, card => card.Id == cardId) }).Checked());
}
