using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>InfluxDB v2, OSS and Cloud (<c>Kind: influxdb2</c>, the default): the plug-in's declaration.</summary>
public sealed class InfluxV2Product : IProductPlugin
{
    public const string Kind = "influxdb2";

    public static ProductDescriptor Descriptor { get; } = new()
    {
        Kind = Kind,
        ApiName = "InfluxDB v2",
        ShortName = "v2",
        IsDefault = true,
        HasOrgs = true,
        ChangesTokens = true,
        SettingKeys = InfluxV2Settings.Keys,
        BindSettings = InfluxV2Settings.Bind,
        Words = new ProductWords
        {
            MissingDescription = "Token has no description; describe what uses it and who owns it (PATCH /api/v2/authorizations/{id})",
            OwnerDeletedEvidence = ownerId => $"GET /api/v2/users/{ownerId} answered 404",
        },
    };

    public IReadOnlyList<ProductDescriptor> Products { get; } = [Descriptor];

    /// <summary>Whether the target is one of this product's (its <c>Kind</c>, or none).</summary>
    public static bool Reads(TargetOptions target) => Descriptor.Reads(target);

    public void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets) => services.AddInfluxClient(configuredTargets);
}
