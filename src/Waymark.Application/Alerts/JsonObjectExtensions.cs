using System.Text.Json.Nodes;

namespace Waymark.Application.Alerts;

/// <summary>Building JSON objects inline.</summary>
internal static class JsonObjectExtensions
{
    /// <summary>Applies <paramref name="change"/> and returns the object.</summary>
    public static JsonObject Also(this JsonObject value, Action<JsonObject> change)
    {
        change(value);
        return value;
    }
}
