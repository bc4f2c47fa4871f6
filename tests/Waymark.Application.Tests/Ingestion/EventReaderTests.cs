using System.Text;
using Waymark.Analytics.EventLogs;
using Waymark.Application.Ingestion;
using Waymark.Testing;

namespace Waymark.Application.Tests.Ingestion;

/// <summary>Malformed files get clear errors; with skip, every bad row is counted and listed, and nothing is silently lost.</summary>
public sealed class EventReaderTests
{
    private static (Domain.Results.Result<EventImportReport> Result, EventLog Log) Read(string format, byte[] bytes, EventImportOptions? options = null)
    {
        var builder = new EventLogBuilder();
        var result = EventFileReader.Read(new MemoryStream(bytes), format, options ?? new EventImportOptions(), builder);
        return (result, builder.Build());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private const string Header = "case:concept:name,concept:name,time:timestamp,case:channel\n";

    [Fact]
    public void Csv_QuotedFieldsWithDelimiterQuotesAndNewlines_AreRead()
    {
        var (result, log) = Read("csv", Utf8(Header + "1,\"pay, then \"\"confirm\"\"\",2026-01-01 10:00:00+01:00,web\n2,\"two\nlines\",2026-01-01T09:00:00Z,store\r\n"));

        Assert.True(result.IsSuccess);
        Assert.Equal(["pay, then \"confirm\"", "two\nlines"], log.Activities);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), log.Timestamp[0]);
        Assert.Equal("web", log.CustomerProperties[0]!["channel"]);
    }

    [Fact]
    public void Csv_SemicolonDelimiter_IsDetected()
    {
        var (result, log) = Read("csv", Utf8("case:concept:name;concept:name;time:timestamp\n1;a;2026-01-01 10:00:00\n"));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(1, log.EventCount);
    }

    [Fact]
    public void Csv_RaggedRow_FailsWithItsLine()
    {
        var (result, _) = Read("csv", Utf8(Header + "1,a,2026-01-01 10:00:00,web\n2,b,2026-01-01 10:00:00\n"));

        Assert.Equal("import.bad-row", result.Error?.Code);
        Assert.Contains("Line 3", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("3 fields, the header has 4", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_BadDatesWithSkip_ImportsTheRestAndListsEachBadRow()
    {
        var (result, log) = Read("csv", Utf8(Header + "1,a,2026-01-01 10:00:00,web\n1,b,yesterday,web\n2,c,,web\n2,d,2026-01-02 10:00:00,web\n"), new EventImportOptions { FailOnBadRow = false });

        Assert.True(result.IsSuccess);
        Assert.Equal((4L, 2L, 2L), (result.Value.Rows, result.Value.Imported, result.Value.BadRowCount));
        Assert.Equal([3L, 4L], result.Value.BadRows.Select(bad => bad.Line));
        Assert.Contains("'yesterday' is not a timestamp", result.Value.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, log.EventCount);
    }

    [Fact]
    public void Csv_UnclosedQuote_IsMalformed()
    {
        var (result, _) = Read("csv", Utf8(Header + "1,\"never closed,2026-01-01 10:00:00,web\n"));

        Assert.Equal("import.malformed", result.Error?.Code);
    }

    [Fact]
    public void Csv_MissingColumn_NamesItAndTheColumnsThereAre()
    {
        var (result, _) = Read("csv", Utf8("case,activity,time\n1,a,2026-01-01 10:00:00\n"));

        Assert.Equal("import.missing-column", result.Error?.Code);
        Assert.Contains("'case:concept:name'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("case, activity, time", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ColumnOptions_ReadOtherNames()
    {
        var (result, log) = Read("csv", Utf8("case,activity,time,channel\n1,a,2026-01-01 10:00:00,app\n"), new EventImportOptions { Customer = "case", Activity = "activity", Timestamp = "time", Channel = "channel" });

        Assert.True(result.IsSuccess);
        Assert.Equal(["app"], log.Channels);
    }

    [Fact]
    public void Xes_BrokenXml_IsMalformedWithLine()
    {
        var (result, _) = Read("xes", Utf8("<log>\n<trace><string key=\"concept:name\" value=\"1\"/>\n<event><string key=\"concept:name\" value=\"a\"></event></trace></log>"));

        Assert.Equal("import.malformed", result.Error?.Code);
        Assert.Contains("line 3", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XesGz_Truncated_IsMalformed()
    {
        var whole = File.ReadAllBytes(SharedData.File("helpdesk.xes.gz"));

        var (result, _) = Read("xes.gz", whole[..(whole.Length / 2)]);

        Assert.Equal("import.malformed", result.Error?.Code);
    }

    [Fact]
    public void Xes_LifecycleFilter_KeepsOnlyThatTransition()
    {
        var all = TestLogs.Load("bpic2012.xes.gz");
        var complete = TestLogs.Load("bpic2012.xes.gz", new EventImportOptions { Lifecycle = "complete" });

        Assert.Equal(262200, all.EventCount);
        Assert.True(complete.EventCount < all.EventCount);
        Assert.Equal(13087, complete.CustomerCount);
    }

    [Fact]
    public void Xes_TraceAttributes_BecomeCustomerProperties()
    {
        var log = TestLogs.Load("running-example.xes");

        Assert.Equal("Fluxicon Nitro", log.CustomerProperties[0]!["creator"]);
    }

    [Fact]
    public void Xes_EventWithoutTimestamp_IsABadRow()
    {
        var (result, _) = Read("xes", Utf8("<log><trace><string key=\"concept:name\" value=\"1\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>"));

        Assert.Equal("import.bad-row", result.Error?.Code);
        Assert.Contains("no time:timestamp", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_SegmentTrackAndIdentify_AreRead()
    {
        var lines = """
            {"type":"identify","userId":"u1","traits":{"plan":"pro"}}
            {"type":"track","userId":"u1","event":"Order Completed","timestamp":"2026-01-01T10:00:00Z","properties":{"channel":"web"},"messageId":"m1"}
            {"type":"track","anonymousId":"a9","event":"Viewed","timestamp":"2026-01-01T10:00:00+02:00","context":{"channel":"app"}}
            """;

        var (result, log) = Read("ndjson", Utf8(lines));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(["u1", "a9"], log.Customers);
        Assert.Equal(["web", "app"], log.Channels);
        Assert.Equal("pro", log.CustomerProperties[0]!["plan"]);
    }

    [Fact]
    public void Ndjson_BrokenLines_AreListedWithSkip()
    {
        var lines = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"a\",\"timestamp\":\"2026-01-01T10:00:00Z\"}\n{not json\n{\"type\":\"track\",\"event\":\"a\",\"timestamp\":\"2026-01-01T10:00:00Z\"}\n";

        var (result, _) = Read("ndjson", Utf8(lines), new EventImportOptions { FailOnBadRow = false });

        Assert.Equal([2L, 3L], result.Value.BadRows.Select(bad => bad.Line));
        Assert.Equal(1L, result.Value.Imported);
    }

    [Fact]
    public void FormatOf_FileNames_MapToFormats() =>
        Assert.Equal(["xes.gz", "xes", "csv", "ndjson", null], new[] { "a.XES.gz", "b.xes", "c.csv", "d.jsonl", "e.parquet" }.Select(EventFileReader.FormatOf));
}
