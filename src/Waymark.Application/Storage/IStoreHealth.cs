namespace Waymark.Application.Storage;

/// <summary>Whether the store answers; used by /healthz.</summary>
public interface IStoreHealth
{
    /// <summary>The provider's name ("sqlite", "postgresql").</summary>
    string Provider { get; }

    /// <summary>Runs a trivial query; throws when the store is unreachable.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
