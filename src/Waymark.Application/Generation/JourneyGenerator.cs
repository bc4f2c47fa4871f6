namespace Waymark.Application.Generation;

/// <summary>Generates realistic multi-channel e-commerce journeys, deterministic for a seed.</summary>
/// <remarks>
/// Five stages (aware, consideration, purchase, retention, advocacy), 26 event types over web, app, email, store,
/// phone, letter and social. Three segments behave differently: <c>mobile-first</c> customers use the app and convert best
/// online, <c>desktop</c> customers compare more and drop at account creation, <c>store-goer</c> customers browse
/// online and buy or return in store and call more. Customers drop off at each stage; some return items, answer an
/// NPS survey (scores depend on whether they called support or returned something) and buy again. Events of one
/// customer are emitted in time order; customers start across 90 days from 2026-01-01 UTC. Same seed and count,
/// same events.
/// </remarks>
public sealed class JourneyGenerator(int seed)
{
    /// <summary>The segments, in the order customers are assigned to them.</summary>
    public static IReadOnlyList<string> Segments { get; } = ["mobile-first", "desktop", "store-goer"];

    private static readonly long Origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Generates the journeys of <paramref name="customers"/> customers, calling <paramref name="emit"/> for each
    /// event and, when given, <paramref name="answer"/> for each survey answer tied to a touchpoint: CES after an
    /// account is created at checkout (lower for desktop customers), CSAT after delivery (lower after a support call).
    /// The answers draw from their own random source: the events are the same with or without them.</summary>
    public void Generate(int customers, Action<GeneratedEvent> emit, Action<GeneratedAnswer>? answer = null)
    {
        ArgumentNullException.ThrowIfNull(emit);
        var random = new Random(seed);
        var answers = new Random(seed ^ 0x5EED);
        for (var index = 0; index < customers; index++)
        {
            new Journey(random, $"c{index + 1:D7}", Segments[random.Next(100) switch { < 45 => 0, < 80 => 1, _ => 2 }], emit, answers, answer)
                .Run(Origin + random.NextInt64(0, 90L * 86_400_000));
        }
    }

    private sealed class Journey(Random random, string customer, string segment, Action<GeneratedEvent> emit, Random answers, Action<GeneratedAnswer>? answer)
    {
        private long _time;
        private bool _calledSupport;
        private bool _returned;

        private bool Mobile => segment == "mobile-first";

        private bool Store => segment == "store-goer";

        private string Online => Mobile ? "app" : "web";

        public void Run(long start)
        {
            _time = start;
            Aware();
            if (!Chance(Mobile ? 82 : 75) || !Consider())
            {
                return;
            }

            if (!Purchase())
            {
                return;
            }

            Retain();
            Advocate();
        }

        private void Aware()
        {
            var channel = Pick(("social", Mobile ? 60 : 30), ("web", 35), ("email", 25));
            Emit("ad_impression", channel);
            if (Chance(70))
            {
                Emit("ad_clicked", channel, minutes: (0, 3));
            }
        }

        private bool Consider()
        {
            Emit(Mobile ? "app_opened" : "site_visit", Online, minutes: (1, 2 * 24 * 60));
            for (var views = random.Next(1, segment == "desktop" ? 8 : 5); views > 0; views--)
            {
                Emit("product_viewed", Online, minutes: (0, 6));
                if (Chance(30))
                {
                    Emit("search", Online, minutes: (0, 2));
                }
            }

            if (Chance(45))
            {
                Emit("reviews_viewed", Online, minutes: (1, 10));
            }

            if (segment == "desktop" && Chance(50))
            {
                Emit("price_compared", "web", minutes: (2, 60));
            }

            if (Store && Chance(60))
            {
                Emit("store_visit", "store", minutes: (24 * 60, 5 * 24 * 60));
            }

            return Chance(Store ? 55 : 62);
        }

        private bool Purchase()
        {
            var channel = Store && Chance(60) ? "store" : Online;
            Emit("cart_added", channel, minutes: (0, 30));
            if (channel == "store")
            {
                Emit("order_completed", "store", minutes: (2, 15));
                return true;
            }

            Emit("checkout_started", channel, minutes: (1, 20));
            if (!Chance(Mobile ? 92 : 78))
            {
                return false;
            }

            Emit("account_created", channel, minutes: (1, 4));
            if (answer is not null && answers.Next(100) < 30)
            {
                var effort = Math.Clamp((int)Math.Round((segment == "desktop" ? 3.2 : 5.4) + (answers.NextDouble() * 3) - 1.5), 1, 7);
                answer(new GeneratedAnswer(customer, "account_created", "ces", effort, effort <= 3 ? Pick(answers, AccountComplaints) : null, _time + 60_000));
            }

            Emit("payment_submitted", channel, minutes: (1, 5));
            if (!Chance(95))
            {
                Emit("payment_failed", channel, seconds: (5, 30));
                return false;
            }

            Emit("order_completed", channel, seconds: (2, 20));
            Emit("order_confirmation_sent", "email", seconds: (5, 90));
            return true;
        }

        private void Retain()
        {
            for (var checks = random.Next(0, 4); checks > 0; checks--)
            {
                Emit("shipment_tracked", Online, minutes: (60, 24 * 60));
            }

            if (Chance(Store ? 30 : 18))
            {
                _calledSupport = true;
                Emit("support_call", "phone", minutes: (60, 48 * 60));
            }

            Emit("delivered", "store".Equals(segment, StringComparison.Ordinal) && Chance(40) ? "store" : Online, minutes: (12 * 60, 4 * 24 * 60));
            if (answer is not null && answers.Next(100) < 35)
            {
                var satisfaction = Math.Clamp((int)Math.Round(4.4 - (_calledSupport ? 1.8 : 0) + (answers.NextDouble() * 2) - 1), 1, 5);
                answer(new GeneratedAnswer(customer, "delivered", "csat", satisfaction, satisfaction <= 2 ? Pick(answers, DeliveryComplaints) : null, _time + (2 * 3_600_000)));
            }

            if (Chance(Store ? 22 : 12))
            {
                _returned = true;
                Emit("return_requested", Online, minutes: (60, 5 * 24 * 60));
                Emit("return_processed", Store ? "store" : "letter", minutes: (24 * 60, 6 * 24 * 60));
                Emit("refund_issued", "email", minutes: (24 * 60, 7 * 24 * 60));
            }
        }

        private void Advocate()
        {
            if (Chance(40))
            {
                var score = Math.Clamp((int)Math.Round(8.2 - (_calledSupport ? 2.5 : 0) - (_returned ? 2 : 0) + (random.NextDouble() * 4) - 2), 0, 10);
                Emit("survey_answered", "email", minutes: (7 * 24 * 60, 14 * 24 * 60), score: score);
                if (score >= 9 && Chance(50))
                {
                    Emit("review_written", Online, minutes: (1, 60));
                }

                if (score >= 9 && Chance(25))
                {
                    Emit("referral_sent", Pick(("social", 50), ("email", 50)), minutes: (60, 10 * 24 * 60));
                }
            }

            if (Chance(_returned ? 12 : Mobile ? 35 : 25))
            {
                Emit("repeat_purchase", Store && Chance(50) ? "store" : Online, minutes: (5 * 24 * 60, 60 * 24 * 60));
            }
        }

        private void Emit(string activity, string channel, (int Min, int Max)? minutes = null, (int Min, int Max)? seconds = null, int? score = null)
        {
            if (minutes is { } range)
            {
                _time += random.NextInt64(range.Min * 60_000L, (range.Max * 60_000L) + 1);
            }
            else if (seconds is { } secondRange)
            {
                _time += random.NextInt64(secondRange.Min * 1000L, (secondRange.Max * 1000L) + 1);
            }

            emit(new GeneratedEvent(customer, activity, _time, channel, segment, score));
        }

        private static readonly string[] AccountComplaints = ["Why do I need an account to pay?", "Password rules were a pain.", "Took three tries to verify my email."];

        private static readonly string[] DeliveryComplaints = ["Arrived two days late.", "Nobody told me it was delayed.", "Had to call to find the parcel."];

        private static string Pick(Random from, string[] options) => options[from.Next(options.Length)];

        private bool Chance(int percent) => random.Next(100) < percent;

        private string Pick(params (string Value, int Weight)[] options)
        {
            var roll = random.Next(options.Sum(option => option.Weight));
            foreach (var (value, weight) in options)
            {
                if ((roll -= weight) < 0)
                {
                    return value;
                }
            }

            return options[^1].Value;
        }
    }
}
