using System.Xml;
using Waymark.Analytics.EventLogs;

namespace Waymark.Application.Ingestion;

/// <summary>Reads an IEEE 1849 (XES) event log, streaming. A trace is a customer: its <c>concept:name</c> is the
/// customer id and its other attributes become customer properties. An event's <c>concept:name</c> is the activity,
/// <c>time:timestamp</c> its time; <c>lifecycle:transition</c> is kept for the lifecycle filter. All events are kept
/// unless <see cref="EventImportOptions.Lifecycle"/> says otherwise.</summary>
public static class XesEventReader
{
    /// <summary>Reads the log into <paramref name="builder"/>. Errors: <c>import.malformed</c> (broken XML, truncated
    /// file; with the line), <c>import.bad-row</c> (an event without name or time, a trace without id).</summary>
    public static Result<EventImportReport> Read(Stream stream, EventImportOptions options, EventLogBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builder);
        var tally = new ImportTally(options);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            var lineInfo = (IXmlLineInfo)xml;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "trace" && ReadTrace(xml, lineInfo, options, builder, tally) is { } error)
                {
                    return error;
                }
            }
        }
        catch (XmlException exception)
        {
            return Malformed($"the XML is broken at line {exception.LineNumber}, position {exception.LinePosition}: {exception.Message}");
        }
        catch (InvalidDataException exception)
        {
            return Malformed($"the compressed file is damaged: {exception.Message}");
        }
        catch (EndOfStreamException)
        {
            return Malformed("the file ends too early (truncated?)");
        }

        return tally.Report();
    }

    private static Error? ReadTrace(XmlReader xml, IXmlLineInfo lineInfo, EventImportOptions options, EventLogBuilder builder, ImportTally tally)
    {
        var traceLine = lineInfo.LineNumber;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new List<(long Line, string? Activity, string? Time, string? Lifecycle, string? Channel)>();
        using var trace = xml.ReadSubtree();
        trace.Read();
        trace.Read();
        while (!trace.EOF)
        {
            if (trace.NodeType != XmlNodeType.Element)
            {
                trace.Read();
                continue;
            }

            if (trace.LocalName == "event")
            {
                events.Add(ReadEvent(trace, lineInfo, options));
                continue;
            }

            if (trace.GetAttribute("key") is { } key && trace.GetAttribute("value") is { } value)
            {
                properties[key] = value;
            }

            trace.Skip();
        }

        properties.TryGetValue("concept:name", out var customer);
        properties.Remove("concept:name");
        if (string.IsNullOrEmpty(customer))
        {
            tally.Rows += events.Count;
            return tally.Bad(traceLine, "the trace has no concept:name (the customer id)");
        }

        if (properties.Count > 0)
        {
            builder.SetCustomerProperties(customer, properties);
        }

        foreach (var (line, activity, time, lifecycle, channel) in events)
        {
            tally.Rows++;
            var timestamp = Timestamps.Parse(time);
            var problem = string.IsNullOrEmpty(activity) ? "the event has no concept:name"
                : timestamp is null ? (time is null ? "the event has no time:timestamp" : $"'{time}' is not a timestamp")
                : null;
            if (problem is not null)
            {
                if (tally.Bad(line, problem) is { } error)
                {
                    return error;
                }

                continue;
            }

            if (options.Lifecycle is not null && !string.Equals(lifecycle, options.Lifecycle, StringComparison.OrdinalIgnoreCase))
            {
                tally.Filtered++;
                continue;
            }

            builder.Add(customer, activity!, timestamp!.Value, channel);
            tally.Imported++;
        }

        return null;
    }

    private static (long Line, string? Activity, string? Time, string? Lifecycle, string? Channel) ReadEvent(XmlReader trace, IXmlLineInfo lineInfo, EventImportOptions options)
    {
        var line = lineInfo.LineNumber;
        string? activity = null, time = null, lifecycle = null, channel = null;
        using (var element = trace.ReadSubtree())
        {
            while (element.Read())
            {
                if (element.NodeType != XmlNodeType.Element || element.GetAttribute("key") is not { } key)
                {
                    continue;
                }

                var value = element.GetAttribute("value");
                if (key == options.Activity)
                {
                    activity = value;
                }
                else if (key == options.Timestamp)
                {
                    time = value;
                }
                else if (key == "lifecycle:transition")
                {
                    lifecycle = value;
                }

                if (options.Channel is not null && key == options.Channel)
                {
                    channel = value;
                }
            }
        }

        trace.Read();
        return (line, activity, time, lifecycle, channel);
    }

    private static Error Malformed(string message) => new("import.malformed", $"The XES file is malformed: {message}.", ErrorKind.Validation);
}
