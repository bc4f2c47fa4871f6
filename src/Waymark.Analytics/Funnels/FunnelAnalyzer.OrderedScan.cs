using System.Buffers;
using System.Numerics;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Statistics;

namespace Waymark.Analytics.Funnels;

public static partial class FunnelAnalyzer
{
    /// <summary>The ordered funnel without exclusions, where each activity matches at most one step (the common
    /// case), over one chunk of customers with no branch on the events' data: it gives the same answers as
    /// <see cref="OrderedState"/>.</summary>
    /// <remarks>
    /// <para>First pass: the positions of the chunk's events that match a step, gathered without branching, less
    /// those that cannot move a chain: an event of step s ≥ 1 when no event of step s − 1 came after the last
    /// event of step s. Slot s (written only by step s − 1) and slot s + 1 (written only by step s) are then as that
    /// last event left them, so the later event moves nothing: the chain it would move has moved already, was out
    /// of the window (and the later event is later still), or its target already held it. When the last event of
    /// step s belongs to an earlier customer, no event of step s − 1 came in this customer before: slot s is empty.
    /// On generated journeys this drops a third of the matching events (repeated product views).</para>
    /// <para>Second pass, per customer over those events: slot 0 is a virtual "before step 1" slot that always holds
    /// a chain starting at the current event; slot s + 1 holds the chain that most recently reached step s. An event
    /// of step s tries to move the chain in slot s into slot s + 1. The move happens when the source holds a chain,
    /// the event lies within the window from the chain's start, and the target does not already hold that same chain
    /// (one event advances a chain by at most one step); an event that moves nothing rewrites the target unchanged.
    /// Instead of copying each chain's step times, every move appends a record (time, previous record) and slots
    /// point at records; the chosen chain's durations are read back by following its records once per customer.
    /// Each customer starts with every slot <see cref="Empty"/>: its start lies outside any window, so an empty
    /// source moves nothing and an empty target never holds the source's chain, with no check of its own. The
    /// comparisons are computed as masks, so random activities cost no mispredicted branches.</para>
    /// </remarks>
    private static class OrderedScan
    {
        /// <summary>Whether the fast scan applies: ordered mode, no exclusions, no activity matching several steps, and
        /// at most 62 steps (one bit each, and one for the step after the last).</summary>
        public static bool Applies(FunnelMode mode, StepMatcher matcher) =>
            mode == FunnelMode.Ordered && !matcher.HasAnyExclusion && matcher.StepCount <= 62 && !matcher.Single.Contains(StepMatcher.Complex);

        public static void Run(EventLog log, StepMatcher matcher, long window, (int From, int To) customers, int[] reached, DurationBuffer durations)
        {
            var first = log.CustomerStartArray[customers.From];
            var length = log.CustomerStartArray[customers.To] - first;
            if (log.ActivityBytes is { } bytes)
            {
                Run<byte>(log, bytes.AsSpan(first, length), matcher, window, customers, reached, durations);
            }
            else
            {
                Run<int>(log, log.ActivityArray.AsSpan(first, length), matcher, window, customers, reached, durations);
            }
        }

        /// <summary>The scan over one chunk's activities, held in one byte or four each.</summary>
        private static void Run<TActivity>(EventLog log, ReadOnlySpan<TActivity> activity, StepMatcher matcher, long window, (int From, int To) customers, int[] reached, DurationBuffer durations)
            where TActivity : unmanaged, IBinaryInteger<TActivity>
        {
            var customerStart = log.CustomerStartArray;
            var first = customerStart[customers.From];
            var length = activity.Length;
            var timestamp = log.TimestampArray.AsSpan(first, length);
            var matchingArray = ArrayPool<int>.Shared.Rent(length + 1);
            var recordArray = ArrayPool<Move>.Shared.Rent(length + 1);
            try
            {
                var matching = matchingArray.AsSpan(0, length + 1);
                var found = Gather(activity, matcher.Single.Select(step => new StepBits(step)).ToArray(), matching);
                matching[found] = int.MaxValue;
                var stepOf = matcher.Single.AsSpan();
                var slotCount = matcher.StepCount + 1;
                Span<long> chainStart = stackalloc long[slotCount];
                Span<int> chainMove = stackalloc int[slotCount];
                var records = recordArray.AsSpan(0, length + 1);
                var values = durations.Values.AsSpan();
                var capacity = durations.Capacity;
                var steps = matcher.StepCount;
                Span<int> stored = stackalloc int[steps];
                Span<long> sum = stackalloc long[steps];
                Span<long> min = stackalloc long[steps];
                Span<long> max = stackalloc long[steps];
                min.Fill(long.MaxValue);
                max.Fill(long.MinValue);
                Span<long> furthest = stackalloc long[steps + 1];
                var next = 0;
                for (var customer = customers.From; customer < customers.To; customer++)
                {
                    var end = customerStart[customer + 1] - first;
                    for (var slot = 1; slot < chainStart.Length; slot++)
                    {
                        chainStart[slot] = Empty;
                    }

                    chainMove[0] = -1;
                    var count = 0;
                    var bestSlot = 0;
                    var bestRecord = -1;
                    for (var i = matching[next]; i < end; i = matching[++next])
                    {
                        var time = timestamp[i];
                        chainStart[0] = time;
                        var source = stepOf[int.CreateTruncating(activity[i])];
                        var target = source + 1;
                        var start = chainStart[source];
                        var occupantStart = chainStart[target];
                        var moves = (time - start <= window ? 1 : 0) & (occupantStart != start ? 1 : 0);
                        var mask = -moves;
                        records[count] = new Move(time, chainMove[source]);
                        chainStart[target] = occupantStart ^ ((start ^ occupantStart) & mask);
                        chainMove[target] ^= (count ^ chainMove[target]) & mask;
                        var better = mask & ((bestSlot - target) >> 31);
                        bestSlot ^= (target ^ bestSlot) & better;
                        bestRecord ^= (count ^ bestRecord) & better;
                        count += moves;
                    }

                    var best = bestSlot - 1;
                    reached[customer] = best;
                    furthest[bestSlot]++;
                    for (var (step, at) = (best, bestRecord); step > 0; step--)
                    {
                        var previous = records[at].Previous;
                        values[(step * capacity) + stored[step]++] = records[at].Time - records[previous].Time;
                        at = previous;
                    }
                }

                // Each step's sum and bounds in one tight pass over its durations, just written and still in cache.
                for (var step = 1; step < steps; step++)
                {
                    (sum[step], min[step], max[step]) = Totals.Of(values.Slice(step * capacity, stored[step]));
                }

                durations.Absorb(stored, sum, min, max, furthest);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(matchingArray);
                ArrayPool<Move>.Shared.Return(recordArray);
            }
        }

        /// <summary>The first pass: writes the positions of the events that may move a chain, and returns their count.</summary>
        private static int Gather<TActivity>(ReadOnlySpan<TActivity> activity, ReadOnlySpan<StepBits> bits, Span<int> matching)
            where TActivity : unmanaged, IBinaryInteger<TActivity>
        {
            // Bit s of armed: an event of step s − 1 came after the last event of step s (bit 0 always set).
            var found = 0;
            var armed = -1L;
            for (var i = 0; i < activity.Length; i++)
            {
                ref readonly var step = ref bits[int.CreateTruncating(activity[i])];
                matching[found] = i;
                found += (armed & step.Bit) != 0 ? 1 : 0;
                armed = (armed & step.Keep) | step.Arm;
            }

            return found;
        }

        /// <summary>The start of an empty slot: so far in the past that no event lies within the window from it, and
        /// far enough from <see cref="long.MinValue"/> that subtracting it from any timestamp of the <see cref="DateTime"/>
        /// range cannot overflow (a window is at most <see cref="TimeSpan.MaxValue"/>, about 9.2 × 10¹⁷ ms).</summary>
        private const long Empty = long.MinValue / 4;

        /// <summary>For the first pass, per activity: the bit of its step (0 when it matches none), the mask that
        /// clears it, and the bits it sets: its next step's, and step 0's, which stays set.</summary>
        private readonly struct StepBits(int step)
        {
            public long Bit { get; } = step >= 0 ? 1L << step : 0;

            public long Keep { get; } = step >= 0 ? ~(1L << step) : -1L;

            public long Arm { get; } = step >= 0 ? (1L << (step + 1)) | 1 : 0;
        }

        /// <summary>One move of a chain: the time of the step it reached and the index of its move before.</summary>
        private readonly record struct Move(long Time, int Previous);
    }
}
