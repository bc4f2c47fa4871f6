namespace Waymark.Rendering.Text;

/// <summary>Breaks text into lines that fit a width, with an estimate of a sans-serif font's advance widths (SVG has
/// no wrapping of its own); the last line that fits gets an ellipsis when text is left over.</summary>
public static class TextWrap
{
    /// <summary>The lines of <paramref name="text"/> at <paramref name="fontSize"/> within <paramref name="width"/>, at
    /// most <paramref name="maxLines"/>.</summary>
    public static IReadOnlyList<string> Lines(string? text, double width, double fontSize, int maxLines)
    {
        if (string.IsNullOrWhiteSpace(text) || maxLines < 1)
        {
            return [];
        }

        var lines = new List<string>();
        var words = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var line = "";
        var index = 0;
        while (index < words.Length)
        {
            var word = words[index];
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Width(candidate, fontSize) <= width)
            {
                line = candidate;
                index++;
                continue;
            }

            if (line.Length == 0)
            {
                // One word wider than the line: break it.
                var fit = Fit(word, width, fontSize);
                line = word[..fit];
                words[index] = word[fit..];
            }

            lines.Add(line);
            line = "";
            if (lines.Count == maxLines)
            {
                lines[^1] = Ellipsis(lines[^1], width, fontSize);
                return lines;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The estimated width of <paramref name="text"/>.</summary>
    public static double Width(string text, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        double units = 0;
        foreach (var c in text)
        {
            units += c switch
            {
                'i' or 'l' or 'j' or '.' or ',' or '\'' or '!' or '|' or ':' or ';' or 'I' => 0.3,
                ' ' or 'f' or 't' or 'r' or '(' or ')' or '-' => 0.4,
                'm' or 'w' or 'M' or 'W' or '@' => 0.92,
                >= 'A' and <= 'Z' => 0.7,
                >= '0' and <= '9' => 0.64,
                > '\u2E80' => 1.0, // CJK and other wide scripts
                _ => 0.6, // wide enough for DejaVu Sans, the usual fallback on Linux; Inter and Segoe UI are narrower
            };
        }

        return units * fontSize;
    }

    private static int Fit(string word, double width, double fontSize)
    {
        var length = 1;
        while (length < word.Length && Width(word[..(length + 1)], fontSize) <= width)
        {
            length++;
        }

        return length;
    }

    private static string Ellipsis(string line, double width, double fontSize)
    {
        var text = line;
        while (text.Length > 0 && Width(text + "…", fontSize) > width)
        {
            text = text[..^1];
        }

        return text.TrimEnd() + "…";
    }
}
