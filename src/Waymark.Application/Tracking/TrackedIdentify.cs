namespace Waymark.Application.Tracking;

/// <summary>A valid <c>identify</c> message: links an anonymous id to a customer and sets the customer's traits.</summary>
/// <param name="Index">Its position in the request's batch.</param>
/// <param name="Customer">The user id, else the anonymous id (traits then describe the anonymous customer).</param>
/// <param name="AnonymousId">The anonymous id to link to <paramref name="Customer"/>, or null.</param>
/// <param name="Traits">The traits as strings; they are merged into the customer's properties (a trait replaces the
/// property of the same name).</param>
public sealed record TrackedIdentify(int Index, string Customer, string? AnonymousId, IReadOnlyDictionary<string, string> Traits);
