using TokenGovernance.AuditWorker.References;

namespace TokenGovernance.AuditWorker.Auditing;

public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddReferences();
        services.AddSingleton<TargetAuditor>();
        services.AddSingleton<AuditRunner>();
        return services;
    }
}
