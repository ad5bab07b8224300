using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>InfluxDB 3 Core and Enterprise (<c>Kind: influxdb3</c>): the plug-in's declaration.</summary>
public sealed class InfluxV3Product : IProductPlugin
{
    public const string Kind = "influxdb3";

    public static ProductDescriptor Descriptor { get; } = new()
    {
        Kind = Kind,
        ApiName = "InfluxDB 3",
        Words = new ProductWords
        {
            MissingDescription = "Token has no description; say what uses it and who owns it when it is next re-created (InfluxDB 3 cannot change a token's description)",
        },
    };

    public IReadOnlyList<ProductDescriptor> Products { get; } = [Descriptor];

    public IReadOnlyList<IPolicyRule> Rules { get; } = [new ServerWithoutAuthRule()];

    public static bool Reads(TargetOptions target) => Descriptor.Reads(target);

    public void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets)
    {
        services.AddInfluxV3Reader(configuredTargets);
    }
}
