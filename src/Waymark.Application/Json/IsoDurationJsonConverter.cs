using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Waymark.Application.Json;

/// <summary>Durations as ISO 8601 strings ("PT15M", "P2D"), the form journey documents use.</summary>
internal sealed class IsoDurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return XmlConvert.ToTimeSpan(reader.GetString() ?? "");
        }
        catch (FormatException exception)
        {
            throw new JsonException("A duration is an ISO 8601 duration such as PT15M or P2DT4H.", exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
