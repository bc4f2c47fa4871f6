using System.Diagnostics;

namespace Waymark.Cli;

/// <summary>A read-only stream that shows how much of a file has been read, on standard error, when that is a terminal.</summary>
internal sealed class ProgressStream(Stream inner, long length, string name) : Stream
{
    private readonly bool _show = !Console.IsErrorRedirected && length > 4 * 1024 * 1024;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _position;
    private long _lastShown = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Advance(read);
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Advance(read);
        return read;
    }

    public void Finish()
    {
        if (_show && _lastShown >= 0)
        {
            Console.Error.Write("\r" + new string(' ', 70) + "\r");
        }
    }

    private void Advance(int read)
    {
        _position += read;
        var tenth = _clock.ElapsedMilliseconds / 100;
        if (_show && tenth != _lastShown)
        {
            _lastShown = tenth;
            var share = (double)_position / length;
            var bar = new string('#', (int)(share * 30)).PadRight(30, '.');
            Console.Error.Write($"\rreading {name} [{bar}] {share,4:P0}");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
