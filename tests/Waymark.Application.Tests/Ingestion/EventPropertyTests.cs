using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Waymark.Analytics.EventLogs;
using Waymark.Analytics.Funnels;
using Waymark.Application.Ingestion;
using Waymark.Testing;

namespace Waymark.Application.Tests.Ingestion;

/// <summary>Event properties beyond the channel: read from every format, kept per event, and usable as a first-touch
/// funnel breakdown (<c>event:NAME</c>).</summary>
public sealed class EventPropertyTests
{
    [Fact]
    public void Xes_EventAttributesIncludingLifecycle_AreEventProperties_AndBreakDownByFirstTouch()
    {
        var log = TestLogs.Load("running-example.xes");

        Assert.Contains("org:resource", log.EventProperties.Keys);
        Assert.Contains("lifecycle:transition", TestLogs.Load("bpic2012.xes.gz").EventProperties.Keys);
        var report = FunnelAnalyzer.Analyze(log, new FunnelDefinition(["register request", "decide"], TimeSpan.FromDays(30)));
        var rows = FunnelBreakdown.By(log, report, "event:org:resource");

        // The oracle: each trace's earliest event's org:resource, read from the XML directly.
        var expected = XDocument.Load(SharedData.File("running-example.xes")).Descendants("trace")
            .Select(trace => trace.Elements("event")
                .Select(e => (Time: DateTimeOffset.Parse(Attribute(e, "time:timestamp"), CultureInfo.InvariantCulture), Resource: Attribute(e, "org:resource")))
                .OrderBy(e => e.Time).First().Resource)
            .GroupBy(resource => resource).ToDictionary(group => group.Key, group => (long)group.Count());
        Assert.Equal(expected.OrderBy(pair => pair.Key), rows.ToDictionary(row => row.Value, row => row.Counts[0]).OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Csv_ColumnsThatAreNotMappedOrCaseColumns_AreEventProperties()
    {
        var csv = "case:concept:name,concept:name,time:timestamp,case:plan,device,org:resource\n" +
                  "1,visit,2026-01-01T10:00:00Z,pro,mobile,\n" +
                  "1,buy,2026-01-01T11:00:00Z,pro,desktop,Ann\n" +
                  "2,visit,2026-01-01T10:00:00Z,free,desktop,\n";
        var builder = new EventLogBuilder();
        var read = EventFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "csv", new EventImportOptions(), builder);
        var log = builder.Build();

        Assert.True(read.IsSuccess);
        Assert.Equal(["device", "org:resource"], log.EventProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["mobile", "desktop", "desktop"], Enumerable.Range(0, 3).Select(i => log.EventProperties["device"].ValueAt(i)));
        Assert.Equal([null, "Ann", null], Enumerable.Range(0, 3).Select(i => log.EventProperties["org:resource"].ValueAt(i)));
        Assert.Equal("pro", log.CustomerProperties[0]!["plan"]);
        var report = FunnelAnalyzer.Analyze(log, new FunnelDefinition(["visit", "buy"], TimeSpan.FromDays(1)));
        var rows = FunnelBreakdown.By(log, report, "event:device");
        Assert.Equal([("desktop", 1L, 0L), ("mobile", 1L, 1L)], rows.Select(row => (row.Value, row.Counts[0], row.Counts[1])));
    }

    [Fact]
    public void Ndjson_ScalarSegmentProperties_AreEventProperties_InTimeOrder()
    {
        var ndjson = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Order Completed\",\"timestamp\":\"2026-01-01T12:00:00Z\",\"properties\":{\"revenue\":42.5,\"coupon\":\"SPRING\",\"channel\":\"web\",\"items\":[1,2]}}\n" +
                     "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-01-01T11:00:00Z\",\"properties\":{\"sku\":\"J-1\"}}\n";
        var builder = new EventLogBuilder();
        Assert.True(EventFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), "ndjson", new EventImportOptions(), builder).IsSuccess);
        var log = builder.Build();

        // Log order is time order: the product view (11:00) comes first.
        Assert.Equal(["J-1", null], Enumerable.Range(0, 2).Select(i => log.EventProperties["sku"].ValueAt(i)));
        Assert.Equal([null, "42.5"], Enumerable.Range(0, 2).Select(i => log.EventProperties["revenue"].ValueAt(i)));
        Assert.Equal([null, "SPRING"], Enumerable.Range(0, 2).Select(i => log.EventProperties["coupon"].ValueAt(i)));
        Assert.DoesNotContain("items", log.EventProperties.Keys);
        Assert.DoesNotContain("channel", log.EventProperties.Keys);
        Assert.Equal("web", log.Channels[log.Channel[1]]);
    }

    private static string Attribute(XElement element, string key) =>
        element.Elements().First(attribute => (string?)attribute.Attribute("key") == key).Attribute("value")!.Value;
}
