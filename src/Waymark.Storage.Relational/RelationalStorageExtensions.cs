using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Application.Storage;
using Waymark.Domain.Personas;
using Waymark.Domain.Segments;

namespace Waymark.Storage.Relational;

/// <summary>Registers the relational stores over a provider's dialect.</summary>
public static class RelationalStorageExtensions
{
    /// <summary>Registers every store port for <paramref name="dialect"/>, with migrations from <paramref name="migrations"/>.</summary>
    public static IServiceCollection AddRelationalStorage(this IServiceCollection services, SqlDialect dialect, Assembly migrations)
    {
        services.AddSingleton(dialect);
        services.AddSingleton<IJourneyStore, RelationalJourneyStore>();
        services.AddSingleton<IAccountStore, RelationalAccountStore>();
        services.AddSingleton<IWorkspaceStore, RelationalWorkspaceStore>();
        services.AddSingleton<IStoreHealth, RelationalStoreHealth>();
        services.AddSingleton<IEventStore, RelationalEventStore>();
        services.AddSingleton<ISurveyResponseStore, RelationalSurveyResponseStore>();
        services.AddSingleton<ITrackingStore, RelationalTrackingStore>();
        services.AddSingleton<IWriteKeyStore, RelationalWriteKeyStore>();
        services.AddSingleton<IAlertStore, RelationalAlertStore>();
        services.AddSingleton<IWorkspaceObjectStore<Persona>>(new RelationalWorkspaceObjectStore<Persona>(dialect, WorkspaceObjectKind<Persona>.Personas));
        services.AddSingleton<IWorkspaceObjectStore<Segment>>(new RelationalWorkspaceObjectStore<Segment>(dialect, WorkspaceObjectKind<Segment>.Segments));
        services.AddSingleton<IMigrator>(provider => new RelationalMigrator(dialect, migrations, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
