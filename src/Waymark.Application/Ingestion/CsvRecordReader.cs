using System.Text;

namespace Waymark.Application.Ingestion;

/// <summary>Reads RFC 4180 records: fields separated by a delimiter, optionally quoted; a quoted field may hold the
/// delimiter, line breaks and doubled quotes. Lines end with LF or CRLF. Streaming: one record in memory at a time.</summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter)
{
    private readonly StringBuilder _field = new();
    private long _line = 1;

    /// <summary>The 1-based line on which the last record started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="FormatException">A quote is not closed, or text follows a closing quote.</exception>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        RecordLine = _line;
        var next = reader.Read();
        if (next < 0)
        {
            return false;
        }

        while (true)
        {
            _field.Clear();
            if (next == '"')
            {
                next = ReadQuoted();
            }
            else
            {
                while (next >= 0 && next != delimiter && next != '\n' && next != '\r')
                {
                    _field.Append((char)next);
                    next = reader.Read();
                }
            }

            fields.Add(_field.ToString());
            if (next == delimiter)
            {
                next = reader.Read();
                continue;
            }

            if (next == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            if (next >= 0)
            {
                _line++;
            }

            return true;
        }
    }

    private int ReadQuoted()
    {
        var startLine = _line;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                throw new FormatException($"a quoted field that starts on line {startLine} is never closed");
            }

            if (next == '"')
            {
                if (reader.Peek() == '"')
                {
                    reader.Read();
                    _field.Append('"');
                    continue;
                }

                var after = reader.Read();
                if (after >= 0 && after != delimiter && after != '\n' && after != '\r')
                {
                    throw new FormatException($"text follows a closing quote on line {_line}");
                }

                return after;
            }

            if (next == '\n')
            {
                _line++;
            }

            _field.Append((char)next);
        }
    }

    /// <summary>The delimiter that occurs most often outside quotes in the header line: comma, semicolon, tab or bar (comma on a tie).</summary>
    public static char Detect(string headerLine)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var quoted = false;
        foreach (var character in headerLine)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(candidates, character) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return candidates[best];
    }
}
