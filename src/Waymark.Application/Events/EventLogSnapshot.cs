using System.Runtime.InteropServices;
using System.Text;
using Waymark.Analytics.EventLogs;

namespace Waymark.Application.Events;

/// <summary>A workspace's columnar log on disk, so a restart does not re-read every stored event.</summary>
/// <remarks>Little-endian binary: the magic "WMKSNAP1", the last event sequence it contains, the dictionaries, then the
/// columns as raw arrays. A snapshot is used only when its sequence equals the store's; anything else (another version,
/// a damaged file) is ignored and the log is rebuilt from the store.</remarks>
public static class EventLogSnapshot
{
    private static readonly byte[] Magic = "WMKSNAP2"u8.ToArray(); // 2: event property columns

    /// <summary>Writes the log and the store sequence it reflects.</summary>
    public static void Write(Stream stream, EventLog log, long lastSequence)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(lastSequence);
        WriteStrings(writer, log.Customers);
        WriteStrings(writer, log.Activities);
        WriteStrings(writer, log.Channels);
        WriteArray(writer, log.CustomerStartArray);
        WriteArray(writer, log.ActivityArray);
        WriteArray(writer, log.ChannelArray);
        WriteArray(writer, log.TimestampArray);
        var withProperties = Enumerable.Range(0, log.CustomerCount).Where(customer => log.CustomerProperties[customer] is not null).ToList();
        writer.Write(withProperties.Count);
        foreach (var customer in withProperties)
        {
            var properties = log.CustomerProperties[customer]!;
            writer.Write(customer);
            writer.Write(properties.Count);
            foreach (var (key, value) in properties)
            {
                writer.Write(key);
                writer.Write(value);
            }
        }

        writer.Write(log.EventProperties.Count);
        foreach (var column in log.EventProperties.Values)
        {
            writer.Write(column.Name);
            WriteStrings(writer, column.Values);
            WriteArray(writer, column.Index);
        }
    }

    /// <summary>Reads a snapshot; null when the stream is not a readable snapshot of this format.</summary>
    public static (EventLog Log, long LastSequence)? Read(Stream stream)
    {
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                return null;
            }

            var lastSequence = reader.ReadInt64();
            var customers = ReadStrings(reader);
            var activities = ReadStrings(reader);
            var channels = ReadStrings(reader);
            var customerStart = ReadArray<int>(reader);
            var activity = ReadArray<int>(reader);
            var channel = ReadArray<int>(reader);
            var timestamp = ReadArray<long>(reader);
            var properties = new IReadOnlyDictionary<string, string>?[customers.Length];
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var customer = reader.ReadInt32();
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var pairs = reader.ReadInt32(); pairs > 0; pairs--)
                {
                    entries[reader.ReadString()] = reader.ReadString();
                }

                properties[customer] = entries;
            }

            var eventProperties = new List<(string, string[], int[])>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                eventProperties.Add((reader.ReadString(), ReadStrings(reader), ReadArray<int>(reader)));
            }

            return (EventLog.FromColumns(customers, activities, channels, customerStart, activity, channel, timestamp, properties, eventProperties), lastSequence);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw new ArgumentException("A negative array length.");
        }

        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.BaseStream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return values;
    }
}
