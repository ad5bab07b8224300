namespace TokenGovernance.AuditWorker.References;

public static class ReferencesServiceCollectionExtensions
{
    public static IServiceCollection AddReferences(this IServiceCollection services)
    {
        services.AddSingleton<FileReferenceSource>();
        services.AddSingleton<KubernetesReferenceSource>();
        services.AddSingleton<InventoryReferenceSource>();
        services.AddSingleton<ReferenceAuditor>();
        return services;
    }
}
