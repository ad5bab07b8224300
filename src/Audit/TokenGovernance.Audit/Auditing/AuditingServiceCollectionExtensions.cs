using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Auditing;

public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddProductCatalog();
        services.AddReferences();
        services.AddSingleton<TokenRecordBuilder>();
        services.AddSingleton<TargetAuditor>();
        services.AddSingleton<AuditRunner>();
        return services;
    }
}
