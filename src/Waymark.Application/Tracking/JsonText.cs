using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Waymark.Application.Tracking;

/// <summary>Reading ingested JSON values as text, forgivingly where a sender's library is at fault.</summary>
internal static class JsonText
{
    /// <summary>A string value; an escaped lone surrogate (<c>\uD800</c> without its pair, which JavaScript senders
    /// produce when they cut a string mid-character) becomes U+FFFD instead of failing the message, as PostHog does.</summary>
    public static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(element.GetRawText());
        }
    }

    /// <summary>A property or trait value as text: strings as they are, numbers and booleans as sent, objects and
    /// arrays as JSON; null for JSON null.</summary>
    public static string? ValueOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => StringOf(element),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    /// <summary>An id: a non-blank string, or an integer sent as a number; null when absent, blank, or a placeholder
    /// a broken sender writes (<c>null</c>, <c>undefined</c>).</summary>
    public static string? IdOf(JsonElement message, string name)
    {
        if (!message.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => StringOf(value).Trim(),
            JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return string.IsNullOrEmpty(text) || text is "null" or "undefined" ? null : text;
    }

    /// <summary>An object's members as (name, text) pairs, JSON nulls left out.</summary>
    public static List<KeyValuePair<string, string>> Flatten(JsonElement element)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (ValueOf(member.Value) is { } value)
                {
                    pairs.Add(new KeyValuePair<string, string>(NameOf(member), value));
                }
            }
        }

        return pairs;
    }

    /// <summary>A member's name; an escaped lone surrogate in it becomes U+FFFD.</summary>
    public static string NameOf(JsonProperty member)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException)
        {
            return Unescape($"\"{Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(member))}\"");
        }
    }

    /// <summary>SHA-256 (lowercase hex) of a message's members as sent, byte for byte, without the members that change
    /// between retries of the same message (<c>sentAt</c>, <c>writeKey</c>).</summary>
    public static string Fingerprint(JsonElement message)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var member in message.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(member);
            if (name.SequenceEqual("sentAt"u8) || name.SequenceEqual("writeKey"u8))
            {
                continue;
            }

            hash.AppendData(name);
            hash.AppendData(":"u8);
            hash.AppendData(JsonMarshal.GetRawUtf8Value(member.Value));
            hash.AppendData(","u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Unescape(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
            {
                text.Append(raw[i]);
                continue;
            }

            var escape = raw[++i];
            if (escape != 'u')
            {
                text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
                continue;
            }

            var unit = (char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            i += 4;
            if (char.IsHighSurrogate(unit) && i + 6 < raw.Length && raw[i + 1] == '\\' && raw[i + 2] == 'u'
                && int.Parse(raw.AsSpan(i + 3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var low && char.IsLowSurrogate((char)low))
            {
                text.Append(unit).Append((char)low);
                i += 6;
            }
            else
            {
                text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
            }
        }

        return text.ToString();
    }
}
