using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Management;

public static class ManagementServiceCollectionExtensions
{
    /// <summary>The Cloud Dedicated and Clustered reader (<c>Kind: cloud-dedicated</c>, <c>clustered</c>), on the shared HttpClients.</summary>
    public static IServiceCollection AddManagementReader(this IServiceCollection services, IEnumerable<TargetOptions> configuredTargets)
    {
        services.AddInfluxHttpClients(configuredTargets);
        services.AddSingleton<Auditing.ITargetReader, ManagementTargetReader>();
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, ManagementOptionsValidator>();
        return services;
    }
}
