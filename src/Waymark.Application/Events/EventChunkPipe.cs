using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Waymark.Application.Ingestion;

namespace Waymark.Application.Events;

/// <summary>Hands events from a (synchronous) file reader on one thread to an (asynchronous) store append on another,
/// in chunks, at most two chunks ahead: an import's memory stays bounded whatever the file's size.</summary>
internal sealed class EventChunkPipe(CancellationToken cancellationToken) : IEventSink, IDisposable
{
    /// <summary>Events per chunk: large enough for fast inserts, small enough to keep memory flat.</summary>
    internal const int ChunkSize = 50_000;

    private readonly ConcurrentQueue<List<RecordedEvent>> _queue = new();
    private readonly SemaphoreSlim _free = new(2);
    private readonly SemaphoreSlim _ready = new(0);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _customers = new(StringComparer.Ordinal);
    private List<RecordedEvent> _current = new(ChunkSize);
    private volatile bool _failed;

    /// <summary>How many events the reader produced.</summary>
    public long Count { get; private set; }

    /// <summary>The customers' properties; read them only after the chunks are done.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Customers => _customers;

    public void Add(string customer, string activity, long timestampMilliseconds, string? channel, string? messageId = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        _current.Add(new RecordedEvent(customer, activity, timestampMilliseconds, channel, messageId, properties is { Count: > 0 } ? [.. properties] : null));
        Count++;
        if (_current.Count == ChunkSize)
        {
            Hand(_current);
            _current = new List<RecordedEvent>(ChunkSize);
        }
    }

    public void SetCustomerProperties(string customer, IReadOnlyDictionary<string, string> properties) => _customers[customer] = properties;

    /// <summary>The reader is done: the last chunk goes, then the end (or, when it failed, the failure).</summary>
    public void Complete(bool succeeded)
    {
        if (succeeded && _current.Count > 0)
        {
            Hand(_current);
        }

        _failed = !succeeded;
        _ready.Release();
    }

    /// <summary>The chunks, in order; ends with <see cref="EventReadFailedException"/> when the reader failed, so the
    /// append that consumes them rolls back.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RecordedEvent>> ReadAllAsync([EnumeratorCancellation] CancellationToken token = default)
    {
        while (true)
        {
            await _ready.WaitAsync(token);
            if (_queue.TryDequeue(out var chunk))
            {
                yield return chunk;
                _free.Release();
                continue;
            }

            if (_failed)
            {
                throw new EventReadFailedException();
            }

            yield break;
        }
    }

    public void Dispose()
    {
        _free.Dispose();
        _ready.Dispose();
    }

    private void Hand(List<RecordedEvent> chunk)
    {
        _free.Wait(cancellationToken);
        _queue.Enqueue(chunk);
        _ready.Release();
    }
}

/// <summary>The file reader stopped with an error; the import is abandoned and nothing of it is stored.</summary>
internal sealed class EventReadFailedException : Exception
{
    public EventReadFailedException()
        : base("The event file could not be read to the end.")
    {
    }

    public EventReadFailedException(string message)
        : base(message)
    {
    }

    public EventReadFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
