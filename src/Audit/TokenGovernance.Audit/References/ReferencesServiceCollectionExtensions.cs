namespace TokenGovernance.Audit.References;

public static class ReferencesServiceCollectionExtensions
{
    public static IServiceCollection AddReferences(this IServiceCollection services)
    {
        // Sources are scanned in registration order: files, then the host's own (Kubernetes), then the inventory,
        // which the host adds last through AddInventoryReferences.
        services.AddSingleton<IReferenceSource, FileReferenceSource>();
        services.AddSingleton<ReferenceAuditor>();
        return services;
    }

    /// <summary>The inventory source; registered after the host's sources so that it is scanned last.</summary>
    public static IServiceCollection AddInventoryReferences(this IServiceCollection services) =>
        services.AddSingleton<IReferenceSource, InventoryReferenceSource>();
}
