using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Application.Json;

/// <summary>Writes the strongly typed ids of Waymark.Domain.Ids as plain UUID strings.</summary>
internal sealed class IdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => IsId(typeToConvert);

    public static bool IsId(Type type) =>
        type.IsValueType && type.Namespace == typeof(JourneyId).Namespace && type.Name.EndsWith("Id", StringComparison.Ordinal);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class IdConverter<TId> : JsonConverter<TId>
        where TId : struct
    {
        private static readonly Func<Guid, TId> Create = guid => (TId)Activator.CreateInstance(typeof(TId), guid)!;
        private static readonly Func<TId, Guid> Value = id => (Guid)typeof(TId).GetProperty("Value")!.GetValue(id)!;

        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Guid.TryParseExact(reader.GetString(), "D", out var guid)
                ? Create(guid)
                : throw new JsonException("An id is a UUID string such as 0193b1a6-9f4e-7c3a-8b1d-2f6e4a5c7d90.");

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Value(value).ToString("D"));
    }
}
