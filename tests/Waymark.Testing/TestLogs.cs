using Waymark.Analytics.EventLogs;
using Waymark.Application.Ingestion;

namespace Waymark.Testing;

/// <summary>Event logs for tests: from the shared data files, or written inline.</summary>
public static class TestLogs
{
    /// <summary>Reads a shared data file with PM4Py's column names; fails on any bad row.</summary>
    public static EventLog Load(string name, EventImportOptions? options = null)
    {
        var builder = new EventLogBuilder();
        using var stream = System.IO.File.OpenRead(SharedData.File(name));
        var result = EventFileReader.Read(stream, EventFileReader.FormatOf(name)!, options ?? new EventImportOptions(), builder);
        Xunit.Assert.True(result.IsSuccess, result.Error?.Message);
        return builder.Build();
    }

    /// <summary>A log from (customer, activity, "yyyy-MM-dd HH:mm:ss" UTC) triples, in source order.</summary>
    public static EventLog Of(params (string Customer, string Activity, string Time)[] events)
    {
        var builder = new EventLogBuilder();
        foreach (var (customer, activity, time) in events)
        {
            builder.Add(customer, activity, Timestamps.Parse(time + "Z")!.Value);
        }

        return builder.Build();
    }
}
