using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using TokenGovernance.AuditWorker.Health;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary><c>TokenGovernance:Scheduler</c>, bound and validated at start (the worker's; a one-shot command ignores it).</summary>
    public static IServiceCollection AddSchedulerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<SchedulerOptions, SchedulerOptionsValidator>().Bind(configuration.GetSection(SchedulerOptions.Section));
        return services;
    }

    /// <summary><c>TokenGovernance:History</c>, bound and validated at start.</summary>
    public static IServiceCollection AddHistoryOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<HistoryOptions, HistoryOptionsValidator>().Bind(configuration.GetSection(HistoryOptions.Section));
        return services;
    }

    /// <summary>
    /// <c>Scheduler:Store = postgres</c>: the one Npgsql data source (Quartz's clustered job store uses it too), the
    /// snapshot/history store, the journal, the refresher that serves the stored snapshot, and the store's readiness.
    /// </summary>
    public static IServiceCollection AddPostgresAuditStore(this IServiceCollection services)
    {
        // Resolved after the host has validated the options (WorkerHost.Build reads them first).
        services.AddSingleton(provider =>
            new NpgsqlDataSourceBuilder(PostgresConnectionString.Read(provider.GetRequiredService<IOptions<SchedulerOptions>>().Value)).Build());
        services.AddSingleton<DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<PostgresSchema>();
        services.AddSingleton<SnapshotCodec>();
        services.AddSingleton<PostgresSnapshotReader>();
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<IAuditResultStore, PostgresAuditResultStore>();
        services.AddSingleton<PostgresJournal>();
        services.AddHostedService<SnapshotRefresher>();
        services.AddHealthChecks().AddCheck<PostgresReadinessCheck>("postgres-store", tags: [HealthTags.Ready]);
        return services;
    }
}
