using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Storage;
using Waymark.Server.Hosting;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary><c>waymark bench ingest</c>: the ingestion API under load, against a server in a child process. Held
/// load (open loop, p99 acknowledgement latency), throughput (closed loop, 100-message batches), and SIGKILL under
/// load with client retries after each restart; then every acknowledged message is looked up in the store.</summary>
internal static class IngestBenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Held load: how long.", DefaultValueFactory = _ => 60 };
        var rate = new Option<int>("--rate") { Description = "Held load: messages a second.", DefaultValueFactory = _ => 1000 };
        var batch = new Option<int>("--batch") { Description = "Held load: messages per batch.", DefaultValueFactory = _ => 50 };
        var throughputSeconds = new Option<int>("--throughput-seconds") { Description = "Throughput: how long (0 skips it).", DefaultValueFactory = _ => 20 };
        var senders = new Option<int>("--senders") { Description = "Throughput: concurrent senders of 100-message batches.", DefaultValueFactory = _ => 16 };
        var kills = new Option<int>("--kills") { Description = "How many times to SIGKILL the server under load.", DefaultValueFactory = _ => 10 };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string: measure against PostgreSQL instead of SQLite." };
        var p99Target = new Option<double>("--p99-target") { Description = "Held load: the p99 acknowledgement latency (ms) above which the run fails.", DefaultValueFactory = _ => 250 };
        var command = new Command("ingest", "Measure the ingestion API: held load, throughput, and SIGKILL under load.") { seconds, rate, batch, throughputSeconds, senders, kills, postgres, p99Target };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = Directory.CreateTempSubdirectory("waymark-ingest-bench-").FullName;
            // A stop signal cancels the run; say so, since the bench would otherwise end without a word.
            using var terminated = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
                signal => Console.Error.WriteLine($"waymark bench ingest: received {signal.Signal}; stopping"));
            using var interrupted = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT,
                signal => Console.Error.WriteLine($"waymark bench ingest: received {signal.Signal}; stopping"));
            try
            {
                return await RunAsync(data, parse.GetValue(postgres), parse.GetValue(seconds), parse.GetValue(rate), parse.GetValue(batch), parse.GetValue(throughputSeconds),
                    parse.GetValue(senders), parse.GetValue(kills), parse.GetValue(p99Target), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The bench drives a server in another process over HTTP: whatever breaks, it reports and fails.
                await Console.Error.WriteLineAsync($"error [bench.failed]: {exception}");
                return 2;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("error [bench.cancelled]: the run was stopped before it finished.");
                return 3;
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(string data, string? postgres, int seconds, int rate, int batch, int throughputSeconds, int senders, int kills, double p99Target, CancellationToken cancellationToken)
    {
        var store = postgres is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL (synchronous_commit on)";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; store: {store}; server and load generator share the machine");
        await using var server = await BenchServer.StartAsync(data, postgres, rate: 10_000_000, cancellationToken);
        var (workspace, key, session) = await server.SetUpAsync(cancellationToken);
        using var dashboards = session;
        using var load = new IngestLoad(server.Address, key);
        var clock = TimeProvider.System;
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;

        await load.OpenLoopAsync("warm", 500, batch, TimeSpan.FromSeconds(2), clock, cancellationToken);
        var held = await load.OpenLoopAsync("held", rate, batch, TimeSpan.FromSeconds(seconds), clock, cancellationToken);
        Acknowledge(held, acknowledged);
        var heldOk = held.Count(outcome => outcome.Status == HttpStatusCode.OK);
        var p99 = Percentile(held, 0.99);
        Console.WriteLine($"held load: {rate:N0} messages/s offered for {seconds} s in batches of {batch} (open loop): {heldOk * batch:N0} acknowledged of {held.Count * batch:N0}; " +
            $"latency p50 {Percentile(held, 0.5):F1} ms, p99 {p99:F1} ms, max {Percentile(held, 1):F1} ms; other answers: {Others(held)}");
        ok &= heldOk == held.Count && p99 <= p99Target;
        Console.WriteLine($"held load target: p99 ≤ {p99Target} ms: {(p99 <= p99Target ? "met" : "NOT met")}");

        if (throughputSeconds > 0)
        {
            var clockThroughput = Stopwatch.StartNew();
            var burst = await load.ClosedLoopAsync("burst", senders, 100, TimeSpan.FromSeconds(throughputSeconds), clock);
            var elapsed = clockThroughput.Elapsed.TotalSeconds;
            Acknowledge(burst, acknowledged);
            var stored = burst.Count(outcome => outcome.Status == HttpStatusCode.OK) * 100;
            Console.WriteLine($"throughput: {senders} senders of 100-message batches for {throughputSeconds} s (closed loop): {stored / elapsed:N0} messages/s acknowledged " +
                $"({burst.Count / elapsed:N0} requests/s), latency p50 {Percentile(burst, 0.5):F1} ms, p99 {Percentile(burst, 0.99):F1} ms; other answers: {Others(burst)}");
        }

        await MixedLoadAsync(load, dashboards, workspace, rate, batch, acknowledged, clock, cancellationToken);

        var tally = await KillLoopAsync(server, load, kills, rate, batch, acknowledged, clock, cancellationToken);
        var (rows, distinct, lost) = await VerifyAsync(data, postgres, workspace, acknowledged, cancellationToken);
        Console.WriteLine($"kill -9: {kills} kills under {rate:N0} messages/s; {tally.Retried:N0} unanswered messages retried after restarts, of which {tally.AlreadyStored:N0} had been stored before the kill " +
            $"(deduplicated); restarts took {tally.RestartMedian.TotalSeconds:F1} s (median)");
        Console.WriteLine($"tally: acknowledged={acknowledged.Count} stored={distinct} duplicates={rows - distinct} lost={lost}");
        ok &= lost == 0 && rows == distinct && distinct == acknowledged.Count;
        Console.WriteLine(ok ? "result: every acknowledged message is stored exactly once" : "result: FAILED (see above)");
        return ok ? 0 : 1;
    }

    /// <summary>Ingestion at 70% of the held rate while four dashboard users query the same workspace back to back
    /// (a 4-step funnel and the directly-follows graph over everything ingested so far): what each sees.</summary>
    private static async Task MixedLoadAsync(IngestLoad load, HttpClient dashboards, Guid workspace, int rate, int batch, HashSet<string> acknowledged, TimeProvider clock, CancellationToken cancellationToken)
    {
        const int users = 4;
        var duration = TimeSpan.FromSeconds(20);
        var queries = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        string[] routes =
        [
            $"/api/v1/workspaces/{workspace}/analytics/funnel?steps=Product%20Viewed,Cart%20Added,Checkout%20Started,Order%20Completed&window=1d",
            $"/api/v1/workspaces/{workspace}/analytics/dfg",
        ];
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var ingest = load.OpenLoopAsync("mixed", rate * 7 / 10, batch, duration, clock, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            for (var n = user; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await dashboards.GetAsync(routes[n % routes.Length], cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    queries.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)));
        var outcomes = await ingest;
        Acknowledge(outcomes, acknowledged);
        var sorted = queries.Order().ToList();
        double Rank(double rank) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine($"mixed load: {rate * 7 / 10:N0} messages/s for {duration.TotalSeconds:0} s with {users} dashboard users querying back to back: " +
            $"ingestion p99 {Percentile(outcomes, 0.99):F1} ms ({outcomes.Count(outcome => outcome.Status == HttpStatusCode.OK) * batch:N0} acknowledged of {outcomes.Count * batch:N0}; other answers: {Others(outcomes)}); " +
            $"{sorted.Count:N0} queries, p50 {Rank(0.5):F1} ms, p95 {Rank(0.95):F1} ms, failed {failures}");
    }

    private sealed record KillTally(long Retried, long AlreadyStored, TimeSpan RestartMedian);

    private static async Task<KillTally> KillLoopAsync(BenchServer server, IngestLoad load, int kills, int rate, int batch, HashSet<string> acknowledged, TimeProvider clock, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        long retried = 0;
        long alreadyStored = 0;
        var restarts = new List<TimeSpan>();
        for (var kill = 0; kill < kills; kill++)
        {
            using var stop = new CancellationTokenSource();
            var running = load.OpenLoopAsync($"kill{kill}", rate, batch, TimeSpan.FromSeconds(30), clock, stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)), cancellationToken);
            server.Kill();
            await stop.CancelAsync();
            var outcomes = await running;
            Acknowledge(outcomes, acknowledged);
            restarts.Add(await server.RestartAsync(cancellationToken));

            // What the client saw no 200 for is sent again, as a tracking library retries, until it is acknowledged.
            foreach (var unanswered in outcomes.Where(outcome => outcome.Status != HttpStatusCode.OK))
            {
                for (var attempt = 0; ; attempt++)
                {
                    var retry = await load.SendAsync(unanswered.Batch, Stopwatch.GetTimestamp(), cancellationToken);
                    if (retry.Status == HttpStatusCode.OK)
                    {
                        retried += unanswered.Batch.MessageIds.Length;
                        alreadyStored += retry.Duplicates;
                        acknowledged.UnionWith(unanswered.Batch.MessageIds);
                        break;
                    }

                    if (attempt > 50)
                    {
                        throw new InvalidOperationException($"A retried batch was refused {attempt} times (last: {retry.Status}).");
                    }

                    await Task.Delay(100, cancellationToken);
                }
            }
        }

        restarts.Sort();
        return new KillTally(retried, alreadyStored, restarts.Count == 0 ? TimeSpan.Zero : restarts[restarts.Count / 2]);
    }

    private static async Task<(long Rows, long Distinct, long Lost)> VerifyAsync(string data, string? postgres, Guid workspace, HashSet<string> acknowledged, CancellationToken cancellationToken)
    {
        var options = new WaymarkServerOptions { DataDirectory = data, PostgresConnectionString = postgres, SeedDemo = false };
        await using var local = await LocalStore.OpenAsync(options, cancellationToken, migrate: false);
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        long rows = 0;
        await local.Services.GetRequiredService<IEventStore>().ReadAsync(new Domain.Ids.WorkspaceId(workspace), 0, item =>
        {
            rows++;
            if (item.MessageId is { } id)
            {
                stored[id] = stored.GetValueOrDefault(id) + 1;
            }
        }, (_, _) => { }, cancellationToken);
        var relevant = stored.Where(pair => !pair.Key.StartsWith("warm-", StringComparison.Ordinal)).ToList();
        var warm = stored.Count - relevant.Count;
        return (rows - warm, relevant.Count, acknowledged.Count(id => !stored.ContainsKey(id)));
    }

    private static void Acknowledge(IEnumerable<IngestLoad.Outcome> outcomes, HashSet<string> acknowledged)
    {
        foreach (var outcome in outcomes.Where(outcome => outcome.Status == HttpStatusCode.OK))
        {
            acknowledged.UnionWith(outcome.Batch.MessageIds);
        }
    }

    private static double Percentile(List<IngestLoad.Outcome> outcomes, double rank)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        var sorted = outcomes.Select(outcome => outcome.Latency.TotalMilliseconds).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Others(List<IngestLoad.Outcome> outcomes)
    {
        var others = outcomes.Where(outcome => outcome.Status != HttpStatusCode.OK).GroupBy(outcome => outcome.Status is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "no answer")
            .Select(group => $"{group.Key} ×{group.Count()}").ToList();
        return others.Count == 0 ? "none" : string.Join(", ", others);
    }
}
