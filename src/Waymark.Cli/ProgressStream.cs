using Waymark.Application.Ingestion;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Waymark.Cli;

/// <summary>Shows how much of a file has been read, on standard error, when that is a terminal and the file is large.</summary>
internal sealed class ProgressStream : IAsyncDisposable
{
    private readonly bool _show;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _length;
    private readonly string _name;
    private long _lastShown = -1;

    public ProgressStream(Stream inner, long length, string name)
    {
        _length = length;
        _name = name;
        _show = !Console.IsErrorRedirected && length > 4 * 1024 * 1024;
        Stream = new CountingReadStream(inner, Report);
    }

    /// <summary>The stream to read the file through.</summary>
    public CountingReadStream Stream { get; }

    public void Finish()
    {
        if (_show && _lastShown >= 0)
        {
            Console.Error.Write("\r" + new string(' ', 70) + "\r");
        }
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    private void Report(long read)
    {
        var tenth = _clock.ElapsedMilliseconds / 100;
        if (_show && tenth != _lastShown)
        {
            _lastShown = tenth;
            var share = (double)read / _length;
            Console.Error.Write($"\rreading {_name} [{new string('#', (int)(share * 30)).PadRight(30, '.')}] {share,4:P0}");
        }
    }
}
