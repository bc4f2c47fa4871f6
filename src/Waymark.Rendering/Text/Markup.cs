using System.Globalization;
using System.Text;

namespace Waymark.Rendering.Text;

/// <summary>User text made safe for XML (SVG): the five special characters escaped and the characters XML 1.0 cannot
/// hold at all (control characters, lone surrogates) replaced, so no card text can end an element or the document.</summary>
public static class Markup
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and attribute values.</summary>
    public static void Append(StringBuilder builder, string? text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (text is null)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    /// <summary><paramref name="text"/> escaped.</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>A number as SVG writes it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
