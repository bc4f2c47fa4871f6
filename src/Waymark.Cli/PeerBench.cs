using Process = System.Diagnostics.Process;
using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using NpgsqlTypes;
using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary>The same funnel and directly-follows counts in ClickHouse 18.16 (<c>windowFunnel</c>; <c>groupArray</c> +
/// <c>ARRAY JOIN</c>) and PostgreSQL 15 (<c>LEAD</c> over a window; greedy next-step <c>LATERAL</c> lookups), on the
/// same events, checked against Waymark's engine, reported as ratios.</summary>
/// <remarks>ClickHouse 18.16's <c>windowFunnel</c> takes only DateTime or UInt32 times, so the peer dataset counts
/// time in 10 ms units from the first event, and a customer's events that would share a unit are nudged one unit
/// apart. All three engines get exactly this dataset, so they must agree exactly.</remarks>
internal static class PeerBench
{
    private const long Unit = 10;

    /// <summary>The idle time before each timed run of a paired measurement.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public static async Task RunAsync(EventLog source, FunnelDefinition funnel, int runs, List<(string Name, double Milliseconds)> ours, CancellationToken cancellationToken)
    {
        var log = PeerDataset(source);
        Console.WriteLine();
        Console.WriteLine($"peers: {log.EventCount:N0} events of {log.CustomerCount:N0} customers, times in 10 ms units, no ties");
        var ourFunnel = BenchCommand.Measure("waymark funnel (peer data)", runs, () => FunnelAnalyzer.Analyze(log, funnel));
        var ourGraph = BenchCommand.Measure("waymark directly-follows with timings (peer data)", runs, () => DirectlyFollowsAnalyzer.Analyze(log));
        var ourCounts = BenchCommand.Measure("waymark directly-follows counts (peer data)", runs, () => DirectlyFollowsAnalyzer.CountEdges(log));
        var funnelCounts = FunnelAnalyzer.Analyze(log, funnel).Steps.Select(step => step.Count).ToArray();
        var edges = DirectlyFollowsAnalyzer.CountEdges(log).ToDictionary(edge => (edge.From, edge.To), edge => edge.Count);
        var steps = funnel.Steps.Select(log.ActivityIndex).ToArray();
        var window = (long)funnel.Window.TotalMilliseconds;
        var rows = new List<string>();

        await using (var clickHouse = await ClickHouse.StartAsync(cancellationToken))
        {
            var load = Stopwatch.StartNew();
            await clickHouse.LoadAsync(log, cancellationToken);
            Console.WriteLine($"clickhouse: loaded in {load.Elapsed.TotalSeconds:F1} s");
            var conditions = string.Join(", ", steps.Select(step => $"activity = {step}"));
            var funnelSql = $"SELECT level, count() FROM (SELECT customer, windowFunnel({window / Unit})(t, {conditions}) AS level FROM e GROUP BY customer) GROUP BY level ORDER BY level FORMAT TSV";
            var graphSql = "SELECT f, t, count() FROM (SELECT acts[i - 1] AS f, acts[i] AS t FROM (SELECT customer, arrayMap(x -> x.2, arraySort(x -> x.1, groupArray((t, activity)))) AS acts FROM e GROUP BY customer) ARRAY JOIN arrayEnumerate(acts) AS i WHERE i > 1) GROUP BY f, t FORMAT TSV";
            var chFunnel = await MeasureAsync("clickhouse windowFunnel", runs, () => clickHouse.QueryAsync(funnelSql, cancellationToken));
            var chGraph = await MeasureAsync("clickhouse groupArray + ARRAY JOIN", runs, () => clickHouse.QueryAsync(graphSql, cancellationToken));
            rows.Add(Check("clickhouse", "funnel", funnelCounts, Levels(await clickHouse.QueryAsync(funnelSql, cancellationToken), steps.Length)));
            rows.Add(Check("clickhouse", "directly-follows", edges, Edges(await clickHouse.QueryAsync(graphSql, cancellationToken), log)));
            rows.Add(Ratio("funnel", ourFunnel.Milliseconds, "clickhouse", chFunnel));
            rows.Add(Ratio("directly-follows counts", ourCounts.Milliseconds, "clickhouse", chGraph));
            rows.Add(Ratio("directly-follows with timings (ours only)", ourGraph.Milliseconds, "clickhouse", chGraph));
            rows.Add(await PairedAsync("funnel", runs, () => FunnelAnalyzer.Analyze(log, funnel), "clickhouse", () => clickHouse.QueryAsync(funnelSql, cancellationToken)));
            rows.Add(await PairedAsync("directly-follows counts", runs, () => DirectlyFollowsAnalyzer.CountEdges(log), "clickhouse", () => clickHouse.QueryAsync(graphSql, cancellationToken)));
        }

        await using (var postgres = await Postgres.StartAsync(cancellationToken))
        {
            var load = Stopwatch.StartNew();
            await postgres.LoadAsync(log, cancellationToken);
            Console.WriteLine($"postgresql: loaded and indexed in {load.Elapsed.TotalSeconds:F1} s");
            var graphSql = "SELECT activity, next, count(*) FROM (SELECT activity, LEAD(activity) OVER (PARTITION BY customer ORDER BY t, seq) AS next FROM e) x WHERE next IS NOT NULL GROUP BY activity, next";
            var funnelSql = PostgresFunnel(steps, window / Unit);
            var pgFunnel = await MeasureAsync("postgresql greedy LATERAL funnel", Math.Min(runs, 3), () => postgres.QueryAsync(funnelSql, cancellationToken));
            var pgGraph = await MeasureAsync("postgresql LEAD() window", Math.Min(runs, 3), () => postgres.QueryAsync(graphSql, cancellationToken));
            rows.Add(Check("postgresql", "funnel", funnelCounts, Levels(await postgres.QueryAsync(funnelSql, cancellationToken), steps.Length)));
            rows.Add(Check("postgresql", "directly-follows", edges, Edges(await postgres.QueryAsync(graphSql, cancellationToken), log)));
            rows.Add(Ratio("funnel", ourFunnel.Milliseconds, "postgresql", pgFunnel));
            rows.Add(Ratio("directly-follows counts", ourCounts.Milliseconds, "postgresql", pgGraph));
            rows.Add(Ratio("directly-follows with timings (ours only)", ourGraph.Milliseconds, "postgresql", pgGraph));
        }

        Console.WriteLine();
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>The peer dataset: times in 10 ms units from the first event, strictly increasing within a customer.</summary>
    private static EventLog PeerDataset(EventLog source)
    {
        var origin = source.Timestamp.Count == 0 ? 0 : source.Timestamp.Min();
        var builder = new EventLogBuilder();
        for (var customer = 0; customer < source.CustomerCount; customer++)
        {
            var previous = long.MinValue;
            for (var i = source.CustomerStart[customer]; i < source.CustomerStart[customer + 1]; i++)
            {
                var unit = Math.Max((source.Timestamp[i] - origin) / Unit, previous + 1);
                previous = unit;
                builder.Add(source.Customers[customer], source.Activities[source.Activity[i]], unit * Unit);
            }
        }

        return builder.Build();
    }

    private static string PostgresFunnel(int[] steps, long window)
    {
        var joins = new System.Text.StringBuilder();
        for (var k = 1; k < steps.Length; k++)
        {
            var previous = k == 1 ? "s.t, s.seq" : $"s{k - 1}.t, s{k - 1}.seq";
            joins.Append(CultureInfo.InvariantCulture, $" LEFT JOIN LATERAL (SELECT t, seq FROM e WHERE e.customer = s.customer AND e.activity = {steps[k]} AND (e.t, e.seq) > ({previous}) AND e.t <= s.t + {window} ORDER BY e.t, e.seq LIMIT 1) s{k} ON true");
        }

        var level = "CASE " + string.Join(" ", Enumerable.Range(1, steps.Length - 1).Select(k => $"WHEN s{k}.t IS NULL THEN {k}")) + $" ELSE {steps.Length} END";
        return $"SELECT level, count(*) FROM (SELECT s.customer, max({level}) AS level FROM e s{joins} WHERE s.activity = {steps[0]} GROUP BY s.customer) x GROUP BY level";
    }

    private static long[] Levels(List<string[]> rows, int steps)
    {
        var atLeast = new long[steps];
        foreach (var row in rows)
        {
            var level = int.Parse(row[0], CultureInfo.InvariantCulture);
            var count = long.Parse(row[1], CultureInfo.InvariantCulture);
            for (var k = 0; k < level; k++)
            {
                atLeast[k] += count;
            }
        }

        return atLeast;
    }

    private static Dictionary<(string, string), long> Edges(List<string[]> rows, EventLog log) =>
        rows.ToDictionary(row => (log.Activities[int.Parse(row[0], CultureInfo.InvariantCulture)], log.Activities[int.Parse(row[1], CultureInfo.InvariantCulture)]), row => long.Parse(row[2], CultureInfo.InvariantCulture));

    private static string Check(string peer, string what, long[] ours, long[] theirs) =>
        ours.SequenceEqual(theirs)
            ? $"agree: {peer} {what} counts equal Waymark's ({string.Join(", ", ours)})"
            : $"DISAGREE: {peer} {what}: Waymark {string.Join(", ", ours)}, {peer} {string.Join(", ", theirs)}";

    private static string Check(string peer, string what, Dictionary<(string, string), long> ours, Dictionary<(string, string), long> theirs) =>
        ours.Count == theirs.Count && ours.All(edge => theirs.TryGetValue(edge.Key, out var count) && count == edge.Value)
            ? $"agree: {peer} {what} counts equal Waymark's ({ours.Count} edges, {ours.Values.Sum():N0} transitions)"
            : $"DISAGREE: {peer} {what}: {ours.Count} vs {theirs.Count} edges, {ours.Values.Sum():N0} vs {theirs.Values.Sum():N0} transitions";

    private static string Ratio(string what, double ours, string peer, double theirs) =>
        string.Create(CultureInfo.InvariantCulture, $"ratio: {what,-42} {peer,-11} {theirs,9:F0} ms / waymark {ours,7:F1} ms = {theirs / ours,6:F1}x faster");

    /// <summary>Ours and the peer's query run alternately, so that both meet the same phase of a shared machine: the
    /// ratio of the two medians, and the median and range of the ratios of the pairs. Each timed run starts after
    /// <see cref="Settle"/> of idle time, so that neither engine is timed while the other still frees memory or
    /// finishes threads on the same two cores.</summary>
    private static async Task<string> PairedAsync(string what, int runs, Action ours, string peer, Func<Task<List<string[]>>> theirs)
    {
        ours();
        await theirs();
        var (oursTimes, theirTimes, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(Settle);
            var clock = Stopwatch.StartNew();
            ours();
            var ourTime = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(Settle);
            clock.Restart();
            await theirs();
            var theirTime = clock.Elapsed.TotalMilliseconds;
            oursTimes.Add(ourTime);
            theirTimes.Add(theirTime);
            ratios.Add(theirTime / ourTime);
        }

        oursTimes.Sort();
        theirTimes.Sort();
        ratios.Sort();
        var (ourMedian, theirMedian) = (oursTimes[runs / 2], theirTimes[runs / 2]);
        return string.Create(CultureInfo.InvariantCulture, $"paired: {what,-41} {peer,-11} {theirMedian,9:F0} ms / waymark {ourMedian,7:F1} ms = {theirMedian / ourMedian,6:F1}x faster (pairs: median {ratios[runs / 2]:F1}x, {ratios[0]:F1}–{ratios[^1]:F1}x over {runs} alternating runs)");
    }

    private static async Task<double> MeasureAsync(string name, int runs, Func<Task<List<string[]>>> query)
    {
        await query();
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} median {median,10:F1} ms   (min {times[0]:F1}, max {times[^1]:F1}, {runs} warm runs)"));
        return median;
    }

    private static async Task RunProcessAsync(string file, string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install it with 'apt-get install -y {package}'.");
        }
    }

    /// <summary>A throw-away ClickHouse server on 127.0.0.1, spoken to over its HTTP interface.</summary>
    private sealed class ClickHouse : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;
        private readonly HttpClient _http;

        private ClickHouse(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(30) };
        }

        public static async Task<ClickHouse> StartAsync(CancellationToken cancellationToken)
        {
            Require("/usr/sbin/clickhouse-server", "clickhouse-server clickhouse-client");
            var directory = Directory.CreateTempSubdirectory("waymark-clickhouse-").FullName;
            var port = FreePort();
            await File.WriteAllTextAsync(Path.Combine(directory, "config.xml"), $"""
                <yandex>
                  <logger><level>warning</level><log>{directory}/server.log</log><errorlog>{directory}/error.log</errorlog></logger>
                  <http_port>{port}</http_port>
                  <tcp_port>{FreePort()}</tcp_port>
                  <listen_host>127.0.0.1</listen_host>
                  <path>{directory}/data/</path>
                  <tmp_path>{directory}/tmp/</tmp_path>
                  <users_config>{directory}/users.xml</users_config>
                  <mark_cache_size>268435456</mark_cache_size>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                </yandex>
                """, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "users.xml"), """
                <yandex>
                  <profiles><default><max_threads>2</max_threads><max_memory_usage>16000000000</max_memory_usage></default></profiles>
                  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
                  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
                </yandex>
                """, cancellationToken);
            var process = Process.Start(new ProcessStartInfo("/usr/sbin/clickhouse-server", $"--config-file={directory}/config.xml") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var server = new ClickHouse(process, directory, port);
            for (var attempt = 0; attempt < 60; attempt++)
            {
                try
                {
                    if ((await server._http.GetStringAsync("ping", cancellationToken)).StartsWith("Ok", StringComparison.Ordinal))
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, cancellationToken);
                }
            }

            await server.DisposeAsync();
            throw new InvalidOperationException("ClickHouse did not answer /ping within 15 seconds.");
        }

        public async Task LoadAsync(EventLog log, CancellationToken cancellationToken)
        {
            await QueryAsync("CREATE TABLE e (customer UInt32, activity UInt16, t UInt32) ENGINE = MergeTree ORDER BY (customer, t)", cancellationToken);
            const int batch = 1_000_000;
            var rows = new byte[batch * 10];
            var filled = 0;
            for (var customer = 0; customer < log.CustomerCount; customer++)
            {
                for (var i = log.CustomerStart[customer]; i < log.CustomerStart[customer + 1]; i++)
                {
                    var span = rows.AsSpan(filled * 10);
                    BitConverter.TryWriteBytes(span, (uint)customer);
                    BitConverter.TryWriteBytes(span[4..], (ushort)log.Activity[i]);
                    BitConverter.TryWriteBytes(span[6..], (uint)(log.Timestamp[i] / Unit));
                    if (++filled == batch)
                    {
                        await InsertAsync(rows, filled, cancellationToken);
                        filled = 0;
                    }
                }
            }

            await InsertAsync(rows, filled, cancellationToken);
            await QueryAsync("OPTIMIZE TABLE e FINAL", cancellationToken);
        }

        private async Task InsertAsync(byte[] rows, int count, CancellationToken cancellationToken)
        {
            using var content = new ByteArrayContent(rows, 0, count * 10);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await _http.PostAsync("?query=INSERT%20INTO%20e%20FORMAT%20RowBinary", content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        public async Task<List<string[]>> QueryAsync(string sql, CancellationToken cancellationToken)
        {
            using var content = new StringContent(sql);
            using var response = await _http.PostAsync("", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"ClickHouse: {text}");
            }

            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A throw-away PostgreSQL 15 server on 127.0.0.1 (fsync off: the data is disposable).</summary>
    private sealed class Postgres : IAsyncDisposable
    {
        private const string Bin = "/usr/lib/postgresql/15/bin";
        private readonly string _directory;
        private readonly NpgsqlDataSource _dataSource;

        private Postgres(string directory, NpgsqlDataSource dataSource)
        {
            _directory = directory;
            _dataSource = dataSource;
        }

        public static async Task<Postgres> StartAsync(CancellationToken cancellationToken)
        {
            Require($"{Bin}/initdb", "postgresql-15");
            var directory = Directory.CreateTempSubdirectory("waymark-postgres-").FullName;
            var port = FreePort();
            var asPostgres = Environment.UserName == "root" ? "runuser -u postgres -- " : "";
            if (asPostgres.Length > 0)
            {
                await RunProcessAsync("chown", $"-R postgres:postgres {directory}", cancellationToken);
            }

            await RunProcessAsync("/bin/sh", $"-c \"{asPostgres}{Bin}/initdb -D {directory}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8\"", cancellationToken);
            await RunProcessAsync("/bin/sh", $"-c \"{asPostgres}{Bin}/pg_ctl -D {directory}/data -l {directory}/log -w -o '-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c shared_buffers=2GB -c work_mem=512MB -c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=2' start\"", cancellationToken);
            return new Postgres(directory, NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Command Timeout=3600"));
        }

        public async Task LoadAsync(EventLog log, CancellationToken cancellationToken)
        {
            await ExecuteAsync("CREATE UNLOGGED TABLE e (customer integer NOT NULL, activity smallint NOT NULL, t bigint NOT NULL, seq integer NOT NULL)", cancellationToken);
            await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
            await using (var writer = await connection.BeginBinaryImportAsync("COPY e (customer, activity, t, seq) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var customer = 0; customer < log.CustomerCount; customer++)
                {
                    for (var i = log.CustomerStart[customer]; i < log.CustomerStart[customer + 1]; i++)
                    {
                        await writer.StartRowAsync(cancellationToken);
                        await writer.WriteAsync(customer, NpgsqlDbType.Integer, cancellationToken);
                        await writer.WriteAsync((short)log.Activity[i], NpgsqlDbType.Smallint, cancellationToken);
                        await writer.WriteAsync(log.Timestamp[i] / Unit, NpgsqlDbType.Bigint, cancellationToken);
                        await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                    }
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await ExecuteAsync("CREATE INDEX e_by_customer_activity ON e (customer, activity, t, seq)", cancellationToken);
            await ExecuteAsync("VACUUM ANALYZE e", cancellationToken);
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = _dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task<List<string[]>> QueryAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = _dataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<string[]>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                rows.Add(row);
            }

            return rows;
        }

        public async ValueTask DisposeAsync()
        {
            await _dataSource.DisposeAsync();
            var asPostgres = Environment.UserName == "root" ? "runuser -u postgres -- " : "";
            await RunProcessAsync("/bin/sh", $"-c \"{asPostgres}{Bin}/pg_ctl -D {_directory}/data -m immediate stop\"", CancellationToken.None);
            Directory.Delete(_directory, recursive: true);
        }
    }
}
