using Waymark.Analytics.Segments;
using Waymark.Analytics.Surveys;

namespace Waymark.Analytics.Journeys;

/// <summary>A planned journey measured against the events: one entry per segment, all customers first.</summary>
/// <param name="Segments">All customers (named <see cref="JourneyMetricsAnalyzer.AllCustomers"/>), then each requested segment in order.</param>
public sealed record JourneyMetricsReport(IReadOnlyList<SegmentJourneyMetrics> Segments);

/// <summary>The journey's metrics for one segment.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Customers">Customers of the segment in the log.</param>
/// <param name="Entered">Customers of the segment with at least one event mapped to a touchpoint in the time range.</param>
/// <param name="Completed">Entered customers who reached the goal touchpoint.</param>
/// <param name="Touchpoints">Per touchpoint, in planned order.</param>
/// <param name="Conformance">Planned versus actual.</param>
public sealed record SegmentJourneyMetrics(string Segment, long Customers, long Entered, long Completed, IReadOnlyList<TouchpointMetrics> Touchpoints, ConformanceSummary Conformance);

/// <summary>What the evidence says about one touchpoint, for one segment.</summary>
/// <param name="Key">The touchpoint's key (its id).</param>
/// <param name="Name">Its label.</param>
/// <param name="Reached">Entered customers with at least one event at the touchpoint.</param>
/// <param name="ReachedShare">Reached ÷ entered; null when nobody entered.</param>
/// <param name="DropOff">Customers whose last mapped touchpoint is this one and who never reached the goal.</param>
/// <param name="DropOffShare">Drop-off ÷ reached; null when nobody reached it.</param>
/// <param name="Events">Events mapped to the touchpoint.</param>
/// <param name="Repeaters">Reached customers with two or more events at the touchpoint.</param>
/// <param name="RepeatRate">Repeaters ÷ reached.</param>
/// <param name="Timed">Customers with a time from the previous touchpoint (reached it after another one).</param>
/// <param name="MedianSeconds">Median time from the previous touchpoint: from the customer's last mapped event before their first event here.</param>
/// <param name="P90Seconds">90th percentile of that time (nearest rank).</param>
/// <param name="PlannedSeconds">The planned duration, or null.</param>
/// <param name="SlowerThanPlanned">Timed customers whose time exceeds the planned duration.</param>
/// <param name="Skipped">Customers who went past this touchpoint (reached a later one) without reaching it.</param>
/// <param name="OutOfOrder">Customers who arrived here after a touchpoint planned later.</param>
/// <param name="Channels">Events per channel, most first; events without a channel under an empty name.</param>
/// <param name="Nps">NPS of the answers about this touchpoint, with n and a 95% interval.</param>
/// <param name="Csat">CSAT likewise.</param>
/// <param name="Ces">CES likewise.</param>
/// <param name="Comments">Up to three different comments of the lowest-scored answers, for evidence.</param>
/// <param name="Emotion">The emotion the answers indicate, from −2 to +2, or null without answers (see <see cref="EvidenceEmotion"/>).</param>
/// <param name="ReachedVersusRest">For a segment: its reached share against the other entered customers' (two-proportion z-test); null for all customers.</param>
/// <param name="DropOffVersusRest">Likewise for the drop-off share.</param>
public sealed record TouchpointMetrics(
    string Key, string Name, long Reached, double? ReachedShare, long DropOff, double? DropOffShare, long Events, long Repeaters, double? RepeatRate,
    long Timed, double? MedianSeconds, double? P90Seconds, double? PlannedSeconds, long SlowerThanPlanned, long Skipped, long OutOfOrder,
    IReadOnlyList<ChannelCount> Channels, SurveyScore Nps, SurveyScore Csat, SurveyScore Ces, IReadOnlyList<string> Comments, double? Emotion,
    ProportionTest? ReachedVersusRest, ProportionTest? DropOffVersusRest);

/// <summary>Events on one channel.</summary>
public sealed record ChannelCount(string Channel, long Events);

/// <summary>Planned versus actual over the entered customers of a segment. A customer can carry several flags.</summary>
/// <param name="Customers">Entered customers.</param>
/// <param name="Conformant">Customers with none of the flags below.</param>
/// <param name="ConformantShare">Conformant ÷ customers.</param>
/// <param name="Skipped">Customers who went past a planned touchpoint without reaching it.</param>
/// <param name="OutOfOrder">Customers who reached a touchpoint after one planned later.</param>
/// <param name="Deviating">Customers with unplanned events (mapped to no touchpoint) between their first and last mapped event.</param>
/// <param name="Late">Customers slower than planned at some touchpoint.</param>
/// <param name="Paths">The ten most common paths of non-conformant customers, most first.</param>
public sealed record ConformanceSummary(long Customers, long Conformant, double? ConformantShare, long Skipped, long OutOfOrder, long Deviating, long Late, IReadOnlyList<DeviatingPath> Paths);

/// <summary>A path customers took instead of the plan, and how many took it.</summary>
/// <param name="Steps">Touchpoints in the order reached (repeats collapsed), with the unplanned events between them.</param>
/// <param name="Count">Customers who took exactly this path.</param>
public sealed record DeviatingPath(IReadOnlyList<PathStep> Steps, long Count);

/// <summary>One step of a path: a touchpoint (its key) or an unplanned event (its name).</summary>
public sealed record PathStep(string? Touchpoint, string? UnplannedEvent);
