namespace Waymark.Application.Ingestion;

/// <summary>A read-only stream that counts the bytes read through it and reports the running total, for progress.</summary>
/// <param name="inner">The stream read; disposed with this one.</param>
/// <param name="progress">Called with the total after each read, on the reading thread; may be null.</param>
public sealed class CountingReadStream(Stream inner, Action<long>? progress = null) : Stream
{
    private long _read;

    /// <summary>Bytes read so far; safe to read from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref _read);

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => inner.CanSeek;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => inner.Length;

    /// <inheritdoc />
    public override long Position { get => inner.Position; set => inner.Position = value; }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        progress?.Invoke(Interlocked.Add(ref _read, read));
        return read;
    }
}
