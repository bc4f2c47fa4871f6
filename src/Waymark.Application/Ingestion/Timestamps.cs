using System.Globalization;

namespace Waymark.Application.Ingestion;

/// <summary>Parses the timestamps event files carry into UTC milliseconds.</summary>
/// <remarks>ISO 8601 with or without 'T', fractions and offsets ("2011-10-11 13:45:40.276000+02:00"); a value without
/// an offset is taken as UTC; fractions below a millisecond are truncated. The common ISO forms take a fast path;
/// anything else goes to the framework's invariant parser. What neither accepts is a bad row, never a guess.</remarks>
public static class Timestamps
{
    /// <summary>UTC milliseconds since the Unix epoch, or null when the text is not a timestamp.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParseIso(text.AsSpan().Trim(), out var fast))
        {
            return fast;
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUnixTimeMilliseconds()
            : null;
    }

    /// <summary>yyyy-MM-dd[T| ]HH:mm:ss[.f…][Z|±HH:mm|±HHmm]; false for anything else (the caller falls back).</summary>
    private static bool TryParseIso(ReadOnlySpan<char> text, out long milliseconds)
    {
        milliseconds = 0;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        var fraction = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (digits < 3)
                {
                    fraction = (fraction * 10) + (text[position] - '0');
                }

                digits++;
                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 3; digits++)
            {
                fraction *= 10;
            }
        }

        var offsetMinutes = 0;
        if (position < text.Length)
        {
            var sign = text[position];
            if (sign == 'Z' && position == text.Length - 1)
            {
                position++;
            }
            else if ((sign == '+' || sign == '-') && Digits(text, position + 1, 2, out var offsetHours))
            {
                var rest = text[(position + 3)..];
                int offsetMinute;
                if (rest.Length == 3 && rest[0] == ':' && Digits(rest, 1, 2, out offsetMinute) || rest.Length == 2 && Digits(rest, 0, 2, out offsetMinute))
                {
                    offsetMinutes = (sign == '-' ? -1 : 1) * ((offsetHours * 60) + offsetMinute);
                    position = text.Length;
                }
                else if (rest.Length == 0)
                {
                    offsetMinutes = (sign == '-' ? -1 : 1) * offsetHours * 60;
                    position = text.Length;
                }
                else
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month) || year < 1 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var days = (long)new DateOnly(year, month, day).DayNumber - 719_162;
        milliseconds = (days * 86_400_000L) + (hour * 3_600_000L) + (minute * 60_000L) + (second * 1000L) + fraction - (offsetMinutes * 60_000L);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
