using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;

namespace Waymark.Cli;

/// <summary>Runs the same funnel and directly-follows counts in ClickHouse and PostgreSQL (filled in later).</summary>
internal static class PeerBench
{
    public static Task RunAsync(EventLog log, FunnelDefinition funnel, int runs, List<(string Name, double Milliseconds)> ours, CancellationToken cancellationToken)
    {
        _ = (log, funnel, runs, ours, cancellationToken);
        Console.WriteLine("peers: not yet wired");
        return Task.CompletedTask;
    }
}
