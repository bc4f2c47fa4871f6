using System.Xml;

namespace Waymark.Application.Ingestion;

/// <summary>Reads an IEEE 1849 (XES) event log, streaming. A trace is a customer: its <c>concept:name</c> is the
/// customer id and its other attributes become customer properties. An event's <c>concept:name</c> is the activity,
/// <c>time:timestamp</c> its time; every other event attribute, <c>lifecycle:transition</c> included, is an event
/// property. All events are kept unless <see cref="EventImportOptions.Lifecycle"/> says otherwise.</summary>
public static class XesEventReader
{
    /// <summary>Reads the log into <paramref name="builder"/>. Errors: <c>import.malformed</c> (broken XML, truncated
    /// file; with the line), <c>import.bad-row</c> (an event without name or time, a trace without id).</summary>
    public static Result<EventImportReport> Read(Stream stream, EventImportOptions options, IEventSink builder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builder);
        var tally = new ImportTally(options);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            var lineInfo = (IXmlLineInfo)xml;
            var trace = new TraceReader(options, builder, tally);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    var empty = xml.IsEmptyElement;
                    trace.Element(xml, lineInfo.LineNumber);
                    if (empty && trace.EndElement(xml.LocalName, xml.Depth) is { } emptyError)
                    {
                        return emptyError;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement && trace.EndElement(xml.LocalName, xml.Depth) is { } error)
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

    /// <summary>Follows one trace at a time in a single pass: attributes directly under the trace are customer
    /// properties, attributes directly under an event are the event's; deeper (nested) attributes are ignored.</summary>
    private sealed class TraceReader(EventImportOptions options, IEventSink builder, ImportTally tally)
    {
        private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);
        private readonly List<(long Line, string? Activity, string? Time, string? Lifecycle, string? Channel, List<KeyValuePair<string, string>>? Properties)> _events = [];
        private int _traceDepth = -1;
        private int _eventDepth = -1;
        private long _traceLine;
        private (long Line, string? Activity, string? Time, string? Lifecycle, string? Channel, List<KeyValuePair<string, string>>? Properties) _event;

        public void Element(XmlReader xml, long line)
        {
            var name = xml.LocalName;
            var depth = xml.Depth;
            if (name == "trace" && _traceDepth < 0)
            {
                (_traceDepth, _traceLine) = (depth, line);
                _properties.Clear();
                _events.Clear();
            }
            else if (name == "event" && _traceDepth >= 0 && _eventDepth < 0)
            {
                _eventDepth = depth;
                _event = (line, null, null, null, null, null);
            }
            else if (_eventDepth >= 0 && depth == _eventDepth + 1)
            {
                var key = xml.GetAttribute("key");
                if (key == options.Activity)
                {
                    _event.Activity = xml.GetAttribute("value");
                }
                else if (key == options.Timestamp)
                {
                    _event.Time = xml.GetAttribute("value");
                }
                else if (options.Channel is not null && key == options.Channel)
                {
                    _event.Channel = xml.GetAttribute("value");
                }
                else if (key is not null && xml.GetAttribute("value") is { } value)
                {
                    // Every other attribute (lifecycle:transition, org:resource, …) is an event property.
                    (_event.Properties ??= []).Add(new KeyValuePair<string, string>(key, value));
                    if (key == "lifecycle:transition")
                    {
                        _event.Lifecycle = value;
                    }
                }
            }
            else if (_traceDepth >= 0 && _eventDepth < 0 && depth == _traceDepth + 1 && xml.GetAttribute("key") is { } key && xml.GetAttribute("value") is { } value)
            {
                _properties[key] = value;
            }
        }

        public Error? EndElement(string name, int depth)
        {
            if (name == "event" && depth == _eventDepth)
            {
                _events.Add(_event);
                _eventDepth = -1;
                return null;
            }

            if (name == "trace" && depth == _traceDepth)
            {
                _traceDepth = -1;
                return Finish();
            }

            return null;
        }

        private Error? Finish()
        {
            _properties.Remove("concept:name", out var customer);
            if (string.IsNullOrEmpty(customer))
            {
                tally.Rows += _events.Count;
                return tally.Bad(_traceLine, "the trace has no concept:name (the customer id)");
            }

            if (_properties.Count > 0)
            {
                builder.SetCustomerProperties(customer, new Dictionary<string, string>(_properties, StringComparer.Ordinal));
            }

            foreach (var (line, activity, time, lifecycle, channel, properties) in _events)
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

                builder.Add(customer, activity!, timestamp!.Value, channel, properties: properties);
                tally.Imported++;
            }

            return null;
        }
    }

    private static Error Malformed(string message) => new("import.malformed", $"The XES file is malformed: {message}.", ErrorKind.Validation);
}
