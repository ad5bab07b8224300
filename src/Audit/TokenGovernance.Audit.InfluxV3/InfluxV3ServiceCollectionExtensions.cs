using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.InfluxV3;

public static class InfluxV3ServiceCollectionExtensions
{
    /// <summary>The InfluxDB 3 Core/Enterprise reader (<c>Kind: influxdb3</c>), on the shared HttpClients.</summary>
    public static IServiceCollection AddInfluxV3Reader(this IServiceCollection services, IEnumerable<TargetOptions> configuredTargets)
    {
        services.AddInfluxHttpClients(configuredTargets);
        services.AddSingleton<Auditing.ITargetReader, InfluxV3TargetReader>();
        return services;
    }
}
