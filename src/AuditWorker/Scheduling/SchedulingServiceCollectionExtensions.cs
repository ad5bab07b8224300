using System.Collections.Specialized;
using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;

namespace TokenGovernance.AuditWorker.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The Quartz schedule and the result store: in memory (one replica) or clustered on PostgreSQL.</summary>
    public static IServiceCollection AddAuditScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditStateStore>();
        services.AddHealthChecks().AddCheck<AuditOutcomeCheck>("audits", tags: [Hosting.EndpointRouteBuilderExtensions.ReadyTag]);
        services.AddSingleton<AuditCoordinator>();
        services.AddSingleton<Remediation.RemediationStatus>();
        services.AddSingleton<Remediation.ScheduledRemediation>();
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
            return services.AddPostgresAuditStore(scheduler);
        }

        services.AddSingleton<InMemoryFindingsHistory>();
        services.AddSingleton<IAuditResultStore, InMemoryAuditResultStore>();

        // Quartz keeps schedulers in a process-wide repository keyed by name: every host gets its own.
        services.AddQuartz(new NameValueCollection { ["quartz.scheduler.instanceName"] = "tokengov-" + Guid.NewGuid().ToString("N")[..12] }, RegisterJobTypes);

        // Jobs are scheduled before the scheduler starts (hosted services start in registration order).
        services.AddHostedService<AuditJobRegistrar>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerReadinessCheck>("scheduler", tags: [Hosting.EndpointRouteBuilderExtensions.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Every job type this worker may run, named to Quartz up front: a clustered store hands a replica jobs another
    /// replica scheduled, and this build resolves a stored type name only through these registrations (no reflection,
    /// as in the Native AOT binary), so a type missing here puts its triggers in ERROR on every replica that did not
    /// schedule it.
    /// </summary>
    public static void RegisterJobTypes(IQuartzBuilder quartz) => quartz.AddJobType<TargetAuditJob>();
}
