namespace Waymark.Application.Storage;

/// <summary>Applies the provider's versioned, forward-only migrations.</summary>
public interface IMigrator
{
    /// <summary>Applies every migration not yet applied, each in its own transaction, and returns their names.
    /// Throws when the store has migrations this build does not know (it is newer than the code).</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
