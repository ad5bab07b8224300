namespace TokenGovernance.AuditWorker.References;

public static class ReferencesServiceCollectionExtensions
{
    public static IServiceCollection AddReferences(this IServiceCollection services)
    {
        // In this order: the report lists sources as they are scanned.
        services.AddSingleton<IReferenceSource, FileReferenceSource>();
        services.AddSingleton<IReferenceSource, KubernetesReferenceSource>();
        services.AddSingleton<IReferenceSource, InventoryReferenceSource>();
        services.AddSingleton<ReferenceAuditor>();
        return services;
    }
}
