using System.Collections.Specialized;
using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.AuditWorker.Auditing;
using TokenGovernance.AuditWorker.Configuration;

namespace TokenGovernance.AuditWorker.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddAuditScheduling(this IServiceCollection services)
    {
        services.AddSingleton<AuditStateStore>();
        services.AddSingleton<AuditCoordinator>();
        services.AddSingleton<ShutdownGrace>();
        // Quartz keeps schedulers in a process-wide repository keyed by name: every host gets its own.
        services.AddQuartz(new NameValueCollection { ["quartz.scheduler.instanceName"] = "tokengov-" + Guid.NewGuid().ToString("N")[..12] }, _ => { });

        // Jobs are scheduled before the scheduler starts (hosted services start in registration order).
        services.AddHostedService<AuditJobRegistrar>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddOptions<HostOptions>().Configure<IOptions<TokenGovernanceOptions>>((host, settings) =>
            host.ShutdownTimeout = settings.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5));
        return services;
    }
}
