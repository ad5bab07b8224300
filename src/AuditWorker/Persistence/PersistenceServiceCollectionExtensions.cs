using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;
using Quartz;
using Quartz.Impl;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Scheduling;

namespace TokenGovernance.AuditWorker.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Every replica of one deployment shares this Quartz instance name; the instance id tells them apart.</summary>
    public const string ClusterName = "tokengov";

    /// <summary>
    /// <c>Scheduler:Store = postgres</c>: one Npgsql data source shared by Quartz (clustered ADO.NET job store,
    /// System.Text.Json serializer) and the snapshot/history store, the starter that waits for the database, and
    /// the refresher that serves the stored snapshot.
    /// </summary>
    public static IServiceCollection AddPostgresAuditStore(this IServiceCollection services, SchedulerOptions scheduler)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetValidatedOptions().Scheduler;
            return new NpgsqlDataSourceBuilder(PostgresConnectionString.Read(options)).Build();
        });
        services.AddSingleton<DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<PostgresSchema>();
        services.AddSingleton<SnapshotCodec>();
        services.AddSingleton<PostgresSnapshotReader>();
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<IAuditResultStore, PostgresAuditResultStore>();
        services.AddSingleton<PostgresJournal>();

        var instanceId = FirstNonEmpty(scheduler.InstanceId, Environment.GetEnvironmentVariable("POD_NAME"));
        services.AddQuartz(quartz =>
        {
            SchedulingServiceCollectionExtensions.RegisterJobTypes(quartz);
            quartz.ConfigureScheduler(options =>
            {
                options.InstanceName = ClusterName;
                if (instanceId is null)
                {
                    options.GenerateInstanceId = true;
                }
                else
                {
                    options.InstanceId = instanceId;
                }
            });
            quartz.UsePersistentStore(store =>
            {
                UseRegisteredNpgsqlDataSource(store);
                store.UseClustering(clustering =>
                {
                    clustering.CheckinInterval = scheduler.ClusterCheckinInterval;
                    clustering.CheckinMisfireThreshold = scheduler.ClusterCheckinInterval * 2;
                });
                store.UseSerializer<SystemTextJsonObjectSerializer>();
            });
        });

        services.AddHostedService<ClusteredSchedulerStarter>();
        services.AddHostedService<SnapshotRefresher>();
        services.AddHealthChecks().AddCheck<PostgresReadinessCheck>("postgres-store", tags: [Hosting.EndpointRouteBuilderExtensions.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Quartz's PostgreSQL dialect over the <see cref="NpgsqlDataSource"/> registered above. The overload is marked
    /// as unsafe for trimming because its callback could name the driver by string; with <c>UseRegisteredDataSource</c>
    /// it does not: the data source makes the connections, the connections the commands and parameters, and no type
    /// is looked up by name (Quartz's job-store reference, "Naming a driver, or handing over its factory"). The
    /// Native AOT binary is tested against a real PostgreSQL (tests/TokenGovernance.NativeAot.Tests).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "UseRegisteredDataSource: connections come from the registered DbDataSource, no driver type is named.")]
    private static void UseRegisteredNpgsqlDataSource(IPersistentStoreBuilder store) =>
        store.UsePostgres(dataSource => dataSource.UseRegisteredDataSource = true);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
}
