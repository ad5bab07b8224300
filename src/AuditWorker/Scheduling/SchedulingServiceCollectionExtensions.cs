using System.Collections.Specialized;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Health;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Remediation;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Every replica of one deployment shares this Quartz instance name; the instance id tells them apart.</summary>
    public const string ClusterName = "tokengov";

    /// <summary>The Quartz schedule and the result store: in memory (one replica) or clustered on PostgreSQL.</summary>
    public static IServiceCollection AddAuditScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditStateStore>();
        services.AddHealthChecks().AddCheck<AuditOutcomeCheck>("audits", tags: [HealthTags.Ready]);
        services.AddSingleton<AuditCoordinator>();
        services.AddSingleton<RemediationStatus>();
        services.AddSingleton<ScheduledRemediation>();
        services.AddSingleton<ShutdownGrace>();
        services.AddSingleton<ErroredTriggerRecovery>();
        services.AddHostedService<ErroredTriggerWatch>();
        services.AddOptions<HostOptions>().Configure<IOptions<TokenGovernanceOptions>>((host, settings) =>
            host.ShutdownTimeout = settings.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5));

        // Read before validation only to choose the wiring, leniently: bad values are reported by the options validator.
        var section = configuration.GetSection(TokenGovernanceOptions.SectionName + ":Scheduler");
        var scheduler = new SchedulerOptions { Store = section["Store"] ?? SchedulerOptions.MemoryStore, InstanceId = section["InstanceId"] };
        if (TimeSpan.TryParse(section["ClusterCheckinInterval"], System.Globalization.CultureInfo.InvariantCulture, out var checkin) && checkin > TimeSpan.Zero)
        {
            scheduler.ClusterCheckinInterval = checkin;
        }

        if (scheduler.UsesPostgres)
        {
            return services.AddPostgresAuditStore().AddClusteredScheduler(scheduler);
        }

        services.AddSingleton<InMemoryFindingsHistory>();
        services.AddSingleton<IAuditResultStore, InMemoryAuditResultStore>();

        // Quartz keeps schedulers in a process-wide repository keyed by name: every host gets its own.
        services.AddQuartz(new NameValueCollection { ["quartz.scheduler.instanceName"] = "tokengov-" + Guid.NewGuid().ToString("N")[..12] }, RegisterJobTypes);

        // Jobs are scheduled before the scheduler starts (hosted services start in registration order).
        services.AddHostedService<AuditJobRegistrar>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerReadinessCheck>("scheduler", tags: [HealthTags.Ready]);
        return services;
    }

    /// <summary>
    /// Every job type this worker may run, named to Quartz up front: a clustered store hands a replica jobs another
    /// replica scheduled, and this build resolves a stored type name only through these registrations (no reflection,
    /// as in the Native AOT binary), so a type missing here puts its triggers in ERROR on every replica that did not
    /// schedule it.
    /// </summary>
    public static void RegisterJobTypes(IQuartzBuilder quartz) => quartz.AddJobType<TargetAuditJob>();

    /// <summary>
    /// The clustered Quartz scheduler on the PostgreSQL store's data source (ADO.NET job store, System.Text.Json
    /// serializer), and the starter that waits for the database.
    /// </summary>
    private static IServiceCollection AddClusteredScheduler(this IServiceCollection services, SchedulerOptions scheduler)
    {
        var instanceId = FirstNonEmpty(scheduler.InstanceId, Environment.GetEnvironmentVariable("POD_NAME"));
        services.AddQuartz(quartz =>
        {
            RegisterJobTypes(quartz);
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
        return services;
    }

    /// <summary>
    /// Quartz's PostgreSQL dialect over the registered <c>NpgsqlDataSource</c>. The overload is marked as unsafe for
    /// trimming because its callback could name the driver by string; with <c>UseRegisteredDataSource</c> it does not:
    /// the data source makes the connections, the connections the commands and parameters, and no type is looked up by
    /// name (Quartz's job-store reference, "Naming a driver, or handing over its factory"). The Native AOT binary is
    /// tested against a real PostgreSQL (tests/TokenGovernance.NativeAot.Tests).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "UseRegisteredDataSource: connections come from the registered DbDataSource, no driver type is named.")]
    private static void UseRegisteredNpgsqlDataSource(IPersistentStoreBuilder store) =>
        store.UsePostgres(dataSource => dataSource.UseRegisteredDataSource = true);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
}
