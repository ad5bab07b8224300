using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.InfluxV2;

public static class InfluxV2ServiceCollectionExtensions
{
    /// <summary>The InfluxDB v2 reader (OSS and Cloud), its token actions and its settings' validator, on the shared HttpClients.</summary>
    public static IServiceCollection AddInfluxClient(this IServiceCollection services, IEnumerable<TargetOptions> configuredTargets)
    {
        services.AddInfluxHttpClients(configuredTargets);
        services.AddSingleton<InfluxApiClientFactory>();
        services.AddSingleton<Auditing.ITargetReader, InfluxV2TargetReader>();
        services.AddSingleton<Remediation.ITokenActions, InfluxV2TokenActions>();
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, InfluxV2OptionsValidator>();
        return services;
    }
}
