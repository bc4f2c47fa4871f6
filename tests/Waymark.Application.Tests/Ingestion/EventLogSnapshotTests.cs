using Waymark.Analytics.DirectlyFollows;
using Waymark.Analytics.Variants;
using Waymark.Application.Events;
using Waymark.Testing;

namespace Waymark.Application.Tests.Ingestion;

public sealed class EventLogSnapshotTests
{
    [Fact]
    public void WriteRead_Bpic2012_GivesTheSameLogAndSequence()
    {
        var log = TestLogs.Load("bpic2012.xes.gz");
        using var buffer = new MemoryStream();

        EventLogSnapshot.Write(buffer, log, 262_200);
        buffer.Position = 0;
        var (read, sequence) = EventLogSnapshot.Read(buffer)!.Value;

        Assert.Equal(262_200, sequence);
        Assert.Equal(log.Customers, read.Customers);
        Assert.Equal(log.Timestamp, read.Timestamp);
        Assert.Equal(log.CustomerProperties[0], read.CustomerProperties[0]);
        Assert.Equal(log.EventProperties.Keys.Order(StringComparer.Ordinal), read.EventProperties.Keys.Order(StringComparer.Ordinal));
        Assert.All(log.EventProperties.Keys, name => Assert.Equal(
            Enumerable.Range(0, log.EventCount).Select(log.EventProperties[name].ValueAt),
            Enumerable.Range(0, read.EventCount).Select(read.EventProperties[name].ValueAt)));
        Assert.Equal(DirectlyFollowsAnalyzer.Analyze(log).Edges, DirectlyFollowsAnalyzer.Analyze(read).Edges);
        Assert.Equal(VariantsAnalyzer.Analyze(log).Variants.Count, VariantsAnalyzer.Analyze(read).Variants.Count);
    }

    [Fact]
    public void Read_TruncatedOrForeignFile_IsNull()
    {
        using var buffer = new MemoryStream();
        EventLogSnapshot.Write(buffer, TestLogs.Load("running-example.xes"), 42);
        var bytes = buffer.ToArray();

        Assert.Null(EventLogSnapshot.Read(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Null(EventLogSnapshot.Read(new MemoryStream("not a snapshot at all"u8.ToArray())));
    }
}
