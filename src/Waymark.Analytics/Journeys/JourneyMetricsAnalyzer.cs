using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Segments;
using Waymark.Analytics.Statistics;
using Waymark.Analytics.Surveys;

namespace Waymark.Analytics.Journeys;

/// <summary>Measures a planned journey against an event log: per touchpoint and per segment, who reached it,
/// who dropped off after it, how long the step took against the plan, which channels carried it, how often it
/// repeated and what the survey answers say; and, per customer, how the actual journey conforms to the plan.</summary>
/// <remarks>
/// <para>Events count only inside the time range [from, to). Each event is mapped to the first touchpoint, in
/// planned order, with a filter that matches it (<see cref="EventFilter"/>); events no filter matches are
/// unplanned. A customer <em>entered</em> the journey with at least one mapped event, and <em>completed</em> it on
/// reaching the goal touchpoint.</para>
/// <para>Per customer, the mapped events in time order are the actual journey:
/// <list type="bullet">
/// <item>the time into a touchpoint is from the customer's previous mapped event to their first event at it
/// (customers whose first mapped event is there have none); it is <em>late</em> when longer than planned;</item>
/// <item><em>drop-off</em> counts at the last mapped touchpoint of customers who never reached the goal;</item>
/// <item><em>skipped</em>: a touchpoint planned before the furthest one the customer reached, never reached (only
/// touchpoints with filters count: one no event can match is never observed, so never skipped);</item>
/// <item><em>out of order</em>: an event at a touchpoint planned before one the customer had already reached;</item>
/// <item><em>deviating</em>: unplanned events between the customer's first and last mapped events.</item>
/// </list>
/// A customer with none of skipped, out of order, deviating or late is conformant. The paths of the others are
/// their touchpoints in order (consecutive repeats collapsed) with the unplanned events between them
/// (consecutive repeats collapsed), counted exactly.</para>
/// <para>Survey answers count for their touchpoint when answered inside the range; for a segment, when the
/// answering customer belongs to it. Customers are processed in parallel chunks merged in order: results do not
/// depend on cores.</para>
/// </remarks>
public static class JourneyMetricsAnalyzer
{
    /// <summary>The name of the first entry of every report: every customer of the log.</summary>
    public const string AllCustomers = "All customers";

    /// <summary>The most segments one report compares.</summary>
    public const int MaxSegments = 5;

    /// <summary>How many deviating paths a report lists.</summary>
    public const int TopPaths = 10;

    /// <summary>Measures <paramref name="model"/> over <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">The model has no touchpoint or a goal outside it, more than
    /// <see cref="MaxSegments"/> segments are asked for, a segment's members do not match the log, or an answer
    /// names a touchpoint outside the model.</exception>
    public static JourneyMetricsReport Analyze(EventLog log, JourneyModel model, JourneyMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new JourneyMetricsOptions();
        var touchpoints = model.Touchpoints.Count;
        if (touchpoints == 0 || model.GoalIndex < 0 || model.GoalIndex >= touchpoints)
        {
            throw new ArgumentException("A journey model needs at least one touchpoint and a goal among them.", nameof(model));
        }

        if (options.Segments.Count > MaxSegments || options.Segments.Any(segment => segment.Members.Length != log.CustomerCount))
        {
            throw new ArgumentException($"At most {MaxSegments} segments, each with one membership flag per customer of the log.", nameof(options));
        }

        if (options.Answers.Any(answer => answer.Touchpoint < 0 || answer.Touchpoint >= touchpoints))
        {
            throw new ArgumentException("An answer names a touchpoint outside the journey.", nameof(options));
        }

        var classifier = new EventClassifier(log, model);
        var scan = new ScanSettings(log, model, classifier, options.From ?? long.MinValue, options.To ?? long.MaxValue, options.Segments);
        var chunks = log.Chunks;
        var partials = new Tally[chunks.Length][];
        Parallel.For(0, chunks.Length, chunk => partials[chunk] = Scan(scan, chunks[chunk]));

        var groups = 1 + options.Segments.Count;
        var totals = Enumerable.Range(0, groups).Select(_ => new Tally(touchpoints, log.Channels.Count + 1)).ToArray();
        for (var group = 0; group < groups; group++)
        {
            foreach (var partial in partials)
            {
                totals[group].Add(partial[group]);
            }
        }

        var answers = AnswersByGroup(log, options, touchpoints);
        var entries = new SegmentJourneyMetrics[groups];
        Parallel.For(0, groups, group => entries[group] = Report(
            group == 0 ? AllCustomers : options.Segments[group - 1].Name,
            group == 0 ? log.CustomerCount : options.Segments[group - 1].Members.Count(member => member),
            model, log, totals[group], group == 0 ? null : totals[0], answers[group]));
        foreach (var duration in partials.SelectMany(partial => partial).SelectMany(tally => tally.Durations))
        {
            duration.Return();
        }

        return new JourneyMetricsReport(entries);
    }

    /// <summary>What every chunk's scan reads.</summary>
    private sealed record ScanSettings(EventLog Log, JourneyModel Model, EventClassifier Classifier, long From, long To, IReadOnlyList<SegmentMembers> Segments);

    /// <summary>Counts of one segment over some customers; merged across chunks.</summary>
    private sealed class Tally(int touchpoints, int channelSlots)
    {
        public long Entered;
        public long Completed;
        public long Conformant;
        public long SkippedCustomers;
        public long OutOfOrderCustomers;
        public long Deviating;
        public long Late;

        public int ChannelSlots { get; } = channelSlots;

        /// <summary>Per touchpoint, its counts side by side (one cache line per touchpoint in the scan).</summary>
        public Counts[] Touchpoint { get; } = new Counts[touchpoints];

        /// <summary>Events per touchpoint and channel: index touchpoint × channel slots + channel + 1.</summary>
        public long[] ChannelEvents { get; } = new long[touchpoints * channelSlots];

        /// <summary>Times into each touchpoint, in milliseconds, of this tally's own customers.</summary>
        public LongBuffer[] Durations { get; } = Enumerable.Range(0, touchpoints).Select(_ => new LongBuffer()).ToArray();

        /// <summary>After merging: every chunk's durations per touchpoint, read where they lie.</summary>
        public List<ReadOnlyMemory<long>>[] DurationParts { get; } = Enumerable.Range(0, touchpoints).Select(_ => new List<ReadOnlyMemory<long>>()).ToArray();

        /// <summary>After merging: the smallest and largest duration per touchpoint.</summary>
        public (long Min, long Max)[] DurationBounds { get; } = Enumerable.Repeat((long.MaxValue, long.MinValue), touchpoints).ToArray();

        public PathCounter Paths { get; } = new();

        public void Add(Tally other)
        {
            Entered += other.Entered;
            Completed += other.Completed;
            Conformant += other.Conformant;
            SkippedCustomers += other.SkippedCustomers;
            OutOfOrderCustomers += other.OutOfOrderCustomers;
            Deviating += other.Deviating;
            Late += other.Late;
            for (var t = 0; t < Touchpoint.Length; t++)
            {
                Touchpoint[t].Add(other.Touchpoint[t]);
                DurationParts[t].Add(other.Durations[t].Memory);
                DurationBounds[t] = (Math.Min(DurationBounds[t].Min, other.Durations[t].Min), Math.Max(DurationBounds[t].Max, other.Durations[t].Max));
            }

            for (var i = 0; i < ChannelEvents.Length; i++)
            {
                ChannelEvents[i] += other.ChannelEvents[i];
            }

            Paths.AddAll(other.Paths);
        }
    }

    /// <summary>Which touchpoints events can match (they have filters), and how many of them there are up to each one.</summary>
    private sealed class Observable
    {
        public Observable(JourneyModel model)
        {
            Has = model.Touchpoints.Select(touchpoint => touchpoint.Filters.Count > 0).ToArray();
            Through = new int[Has.Length];
            for (var (t, count) = (0, 0); t < Has.Length; t++)
            {
                count += Has[t] ? 1 : 0;
                Through[t] = count;
            }
        }

        public bool[] Has { get; }

        /// <summary>Observable touchpoints with an index up to and including t.</summary>
        public int[] Through { get; }
    }

    /// <summary>The counts of one touchpoint in one tally.</summary>
    private struct Counts
    {
        public long Reached;
        public long DropOff;
        public long Events;
        public long Repeaters;
        public long Skipped;
        public long OutOfOrder;
        public long Slower;

        public void Add(Counts other)
        {
            Reached += other.Reached;
            DropOff += other.DropOff;
            Events += other.Events;
            Repeaters += other.Repeaters;
            Skipped += other.Skipped;
            OutOfOrder += other.OutOfOrder;
            Slower += other.Slower;
        }
    }

    /// <summary>A growing array of longs, rented from the shared pool (given back by <see cref="Return"/>), that
    /// keeps its minimum and maximum. Renting keeps a 10M-event query from allocating its durations afresh.</summary>
    private sealed class LongBuffer
    {
        private long[] _items = System.Buffers.ArrayPool<long>.Shared.Rent(256);
        private int _count;

        public ReadOnlyMemory<long> Memory => _items.AsMemory(0, _count);

        public long Min { get; private set; } = long.MaxValue;

        public long Max { get; private set; } = long.MinValue;

        public void Add(long value)
        {
            if (_count == _items.Length)
            {
                var larger = System.Buffers.ArrayPool<long>.Shared.Rent(_items.Length * 2);
                _items.AsSpan().CopyTo(larger);
                System.Buffers.ArrayPool<long>.Shared.Return(_items);
                _items = larger;
            }

            _items[_count++] = value;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }

        public void Return()
        {
            System.Buffers.ArrayPool<long>.Shared.Return(_items);
            _items = [];
            _count = 0;
        }
    }

    /// <summary>A growing list of ints without the checks of <see cref="List{T}"/>, for the scan's inner loop.</summary>
    private sealed class IntList
    {
        private int[] _items = new int[64];

        public int Count { get; private set; }

        public ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

        public int Last => _items[Count - 1];

        public void Add(int value)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = value;
        }

        public void AddRange(IntList other)
        {
            foreach (var value in other.Span)
            {
                Add(value);
            }
        }

        public void Clear() => Count = 0;
    }

    /// <summary>One customer's actual journey, reused across a chunk's customers; only the touchpoints the
    /// customer touched are reset between customers.</summary>
    private sealed class CustomerScratch(int touchpoints)
    {
        public int[] Count { get; } = new int[touchpoints];

        /// <summary>Time into the touchpoint, −1 when none.</summary>
        public long[] Into { get; } = Enumerable.Repeat(-1L, touchpoints).ToArray();

        public bool[] OutOfOrder { get; } = new bool[touchpoints];

        /// <summary>The distinct touchpoints reached, in order of first arrival.</summary>
        public IntList Touched { get; } = new();

        /// <summary>The path: touchpoint indexes, and −(activity + 1) for unplanned events.</summary>
        public IntList Path { get; } = new();

        public IntList Pending { get; } = new();

        public bool Deviating { get; set; }

        public void Clear()
        {
            foreach (var touchpoint in Touched.Span)
            {
                Count[touchpoint] = 0;
                Into[touchpoint] = -1;
                OutOfOrder[touchpoint] = false;
            }

            Touched.Clear();
            Path.Clear();
            Pending.Clear();
            Deviating = false;
        }
    }

    private static Tally[] Scan(ScanSettings scan, (int From, int To) customers)
    {
        var log = scan.Log;
        var model = scan.Model;
        var touchpoints = model.Touchpoints.Count;
        var goal = model.GoalIndex;
        var planned = model.Touchpoints.Select(touchpoint => touchpoint.PlannedMilliseconds ?? long.MaxValue).ToArray();
        var observable = new Observable(model);
        var tallies = Enumerable.Range(0, 1 + scan.Segments.Count).Select(_ => new Tally(touchpoints, log.Channels.Count + 1)).ToArray();
        var member = new List<Tally>(tallies.Length);
        var segmentMember = new List<Tally>(tallies.Length);
        var all = tallies[0].ChannelEvents;
        var scratch = new CustomerScratch(touchpoints);
        var activity = log.ActivityArray;
        var timestamp = log.TimestampArray;
        var channel = log.ChannelArray;
        var customerStart = log.CustomerStartArray;
        var classifier = scan.Classifier;
        var (from, to) = (scan.From, scan.To);
        var slots = log.Channels.Count + 1;
        for (var customer = customers.From; customer < customers.To; customer++)
        {
            member.Clear();
            member.Add(tallies[0]);
            segmentMember.Clear();
            for (var segment = 0; segment < scan.Segments.Count; segment++)
            {
                if (scan.Segments[segment].Members[customer])
                {
                    member.Add(tallies[segment + 1]);
                    segmentMember.Add(tallies[segment + 1]);
                }
            }

            var furthest = -1;
            var last = -1;
            var lastTime = 0L;
            for (var position = customerStart[customer]; position < customerStart[customer + 1]; position++)
            {
                var time = timestamp[position];
                if (time < from || time >= to)
                {
                    continue;
                }

                var touchpoint = classifier.Classify(position, activity[position], channel[position]);
                if (touchpoint < 0)
                {
                    var marker = -(activity[position] + 1);
                    if (last >= 0 && (scratch.Pending.Count == 0 || scratch.Pending.Last != marker))
                    {
                        scratch.Pending.Add(marker);
                    }

                    continue;
                }

                if (scratch.Count[touchpoint]++ == 0)
                {
                    scratch.Touched.Add(touchpoint);
                    if (last >= 0)
                    {
                        scratch.Into[touchpoint] = time - lastTime;
                    }
                }

                scratch.OutOfOrder[touchpoint] |= touchpoint < furthest;
                furthest = Math.Max(furthest, touchpoint);
                var slot = (touchpoint * slots) + channel[position] + 1;
                all[slot]++;
                for (var segment = 0; segment < segmentMember.Count; segment++)
                {
                    segmentMember[segment].ChannelEvents[slot]++;
                }

                if (scratch.Pending.Count > 0)
                {
                    scratch.Path.AddRange(scratch.Pending);
                    scratch.Pending.Clear();
                    scratch.Deviating = true;
                    scratch.Path.Add(touchpoint);
                }
                else if (last != touchpoint)
                {
                    scratch.Path.Add(touchpoint);
                }

                last = touchpoint;
                lastTime = time;
            }

            if (last >= 0)
            {
                Record(scratch, member, furthest, last, goal, planned, observable);
            }

            scratch.Clear();
        }

        return tallies;
    }

    /// <summary>Adds one entered customer's actual journey to the tallies of every segment they belong to.</summary>
    private static void Record(CustomerScratch scratch, List<Tally> member, int furthest, int last, int goal, long[] planned, Observable observable)
    {
        var completed = scratch.Count[goal] > 0;

        // Every touched touchpoint is observable and at most the furthest: fewer touched than observable ones up to
        // the furthest means one was skipped.
        var skipped = scratch.Touched.Count < observable.Through[furthest];
        var outOfOrder = false;
        var late = false;
        foreach (var t in scratch.Touched.Span)
        {
            outOfOrder |= scratch.OutOfOrder[t];
            late |= scratch.Into[t] > planned[t];
        }

        var conformant = !skipped && !outOfOrder && !scratch.Deviating && !late;
        var path = scratch.Path.Span;
        var hash = conformant ? 0 : PathCounter.Hash(path);
        foreach (var tally in member)
        {
            tally.Entered++;
            tally.Completed += completed ? 1 : 0;
            tally.Conformant += conformant ? 1 : 0;
            tally.SkippedCustomers += skipped ? 1 : 0;
            tally.OutOfOrderCustomers += outOfOrder ? 1 : 0;
            tally.Deviating += scratch.Deviating ? 1 : 0;
            tally.Late += late ? 1 : 0;
            var counts = tally.Touchpoint;
            counts[last].DropOff += completed ? 0 : 1;
            if (skipped)
            {
                for (var t = 0; t < furthest; t++)
                {
                    counts[t].Skipped += scratch.Count[t] == 0 && observable.Has[t] ? 1 : 0;
                }
            }

            foreach (var t in scratch.Touched.Span)
            {
                ref var count = ref counts[t];
                var events = scratch.Count[t];
                var into = scratch.Into[t];
                count.Reached++;
                count.Events += events;
                count.Repeaters += events > 1 ? 1 : 0;
                count.OutOfOrder += scratch.OutOfOrder[t] ? 1 : 0;
                if (into >= 0)
                {
                    tally.Durations[t].Add(into);
                    count.Slower += into > planned[t] ? 1 : 0;
                }
            }

            if (!conformant)
            {
                tally.Paths.Add(path, hash);
            }
        }
    }

    /// <summary>Answers per segment entry (all customers first) and touchpoint, inside the range.</summary>
    private static List<JourneyAnswer>[][] AnswersByGroup(EventLog log, JourneyMetricsOptions options, int touchpoints)
    {
        var groups = 1 + options.Segments.Count;
        var byGroup = Enumerable.Range(0, groups).Select(_ => Enumerable.Range(0, touchpoints).Select(_ => new List<JourneyAnswer>()).ToArray()).ToArray();
        var inRange = options.Answers.Where(answer => answer.TimestampMilliseconds >= (options.From ?? long.MinValue) && answer.TimestampMilliseconds < (options.To ?? long.MaxValue)).ToList();
        foreach (var answer in inRange)
        {
            byGroup[0][answer.Touchpoint].Add(answer);
        }

        if (options.Segments.Count > 0 && inRange.Count > 0)
        {
            var answering = inRange.Select(answer => answer.Customer).ToHashSet(StringComparer.Ordinal);
            var customerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var customer = 0; customer < log.CustomerCount; customer++)
            {
                if (answering.Contains(log.Customers[customer]))
                {
                    customerIndex.TryAdd(log.Customers[customer], customer);
                }
            }

            foreach (var answer in inRange)
            {
                if (!customerIndex.TryGetValue(answer.Customer, out var customer))
                {
                    continue;
                }

                for (var segment = 0; segment < options.Segments.Count; segment++)
                {
                    if (options.Segments[segment].Members[customer])
                    {
                        byGroup[segment + 1][answer.Touchpoint].Add(answer);
                    }
                }
            }
        }

        return byGroup;
    }

    private static SegmentJourneyMetrics Report(string name, long customers, JourneyModel model, EventLog log, Tally tally, Tally? all, List<JourneyAnswer>[] answers)
    {
        var touchpointMetrics = new TouchpointMetrics[model.Touchpoints.Count];
        Parallel.For(0, model.Touchpoints.Count, t =>
        {
            var touchpoint = model.Touchpoints[t];
            var parts = tally.DurationParts[t];
            var timed = parts.Sum(part => (long)part.Length);
            var ranks = timed == 0 ? [] : Selection.AtRanks(parts, timed, tally.DurationBounds[t].Min, tally.DurationBounds[t].Max, [(timed - 1) / 2, timed / 2, (long)Math.Ceiling(0.9 * timed) - 1]);
            double? median = timed == 0 ? null : (ranks[0] + (double)ranks[1]) / 2 / 1000.0;
            double? p90 = timed == 0 ? null : ranks[2] / 1000.0;
            var nps = Score(SurveyMetric.Nps, answers[t]);
            var csat = Score(SurveyMetric.Csat, answers[t]);
            var ces = Score(SurveyMetric.Ces, answers[t]);
            var count = tally.Touchpoint[t];
            touchpointMetrics[t] = new TouchpointMetrics(
                touchpoint.Key,
                touchpoint.Name,
                count.Reached,
                Share(count.Reached, tally.Entered),
                count.DropOff,
                Share(count.DropOff, count.Reached),
                count.Events,
                count.Repeaters,
                Share(count.Repeaters, count.Reached),
                timed,
                median,
                p90,
                touchpoint.PlannedMilliseconds / 1000.0,
                count.Slower,
                count.Skipped,
                count.OutOfOrder,
                Channels(log, tally, t),
                nps,
                csat,
                ces,
                Comments(answers[t]),
                EvidenceEmotion.Of(nps, csat, ces),
                all is null ? null : ProportionTest.Of(count.Reached, tally.Entered, all.Touchpoint[t].Reached - count.Reached, all.Entered - tally.Entered),
                all is null ? null : ProportionTest.Of(count.DropOff, count.Reached, all.Touchpoint[t].DropOff - count.DropOff, all.Touchpoint[t].Reached - count.Reached));
        });

        var paths = tally.Paths.Top(TopPaths)
            .Select(entry => new DeviatingPath(
                entry.Path.Select(step => step >= 0 ? new PathStep(model.Touchpoints[step].Key, null) : new PathStep(null, log.Activities[-step - 1])).ToList(),
                entry.Count))
            .ToList();
        var conformance = new ConformanceSummary(tally.Entered, tally.Conformant, Share(tally.Conformant, tally.Entered), tally.SkippedCustomers,
            tally.OutOfOrderCustomers, tally.Deviating, tally.Late, paths);
        return new SegmentJourneyMetrics(name, customers, tally.Entered, tally.Completed, touchpointMetrics, conformance);
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static SurveyScore Score(SurveyMetric metric, List<JourneyAnswer> answers) =>
        SurveyScoreCalculator.Score(metric, answers.Where(answer => answer.Metric == metric).Select(answer => answer.Value).ToList());

    /// <summary>Up to three different comments, from the answers lowest on their metric's scale (then the latest).</summary>
    private static List<string> Comments(List<JourneyAnswer> answers) =>
        answers
            .Where(answer => !string.IsNullOrWhiteSpace(answer.Comment))
            .OrderBy(answer => answer.Metric switch { SurveyMetric.Nps => answer.Value / 10.0, SurveyMetric.Csat => (answer.Value - 1) / 4.0, _ => (answer.Value - 1) / 6.0 })
            .ThenByDescending(answer => answer.TimestampMilliseconds)
            .Select(answer => answer.Comment!)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();

    private static List<ChannelCount> Channels(EventLog log, Tally tally, int touchpoint)
    {
        var channels = new List<ChannelCount>();
        for (var slot = 0; slot < tally.ChannelSlots; slot++)
        {
            var events = tally.ChannelEvents[(touchpoint * tally.ChannelSlots) + slot];
            if (events > 0)
            {
                channels.Add(new ChannelCount(slot == 0 ? string.Empty : log.Channels[slot - 1], events));
            }
        }

        return channels.OrderByDescending(count => count.Events).ThenBy(count => count.Channel, StringComparer.Ordinal).ToList();
    }
}

/// <summary>What a journey measurement covers.</summary>
public sealed record JourneyMetricsOptions
{
    /// <summary>The range's start, inclusive, UTC milliseconds since the Unix epoch; null: from the first event.</summary>
    public long? From { get; init; }

    /// <summary>The range's end, exclusive; null: to the last event.</summary>
    public long? To { get; init; }

    /// <summary>Segments to compare with all customers, at most <see cref="JourneyMetricsAnalyzer.MaxSegments"/>.</summary>
    public IReadOnlyList<SegmentMembers> Segments { get; init; } = [];

    /// <summary>Survey answers about the journey's touchpoints.</summary>
    public IReadOnlyList<JourneyAnswer> Answers { get; init; } = [];
}

/// <summary>A segment by name and membership flag per customer of the log (see <see cref="SegmentRule.Members"/>).</summary>
public sealed record SegmentMembers(string Name, bool[] Members);
