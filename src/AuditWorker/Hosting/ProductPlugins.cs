using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.Audit.InfluxV3;
using TokenGovernance.Audit.Management;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// The product plug-ins this host carries, in the order <c>--kind</c> and the messages list them: adding a product is
/// its line here and the project reference (its project declares everything else).
/// </summary>
public static class ProductPlugins
{
    public static IReadOnlyList<IProductPlugin> All { get; } =
    [
        new InfluxV2Product(),
        new InfluxV3Product(),
        new ManagementProducts(),
    ];

    /// <summary>The catalog before any container exists (the command line's <c>--kind</c>).</summary>
    public static ProductCatalog Catalog { get; } = new(All.SelectMany(plugin => plugin.Products));

    /// <summary>Every rule this host runs: the engine's and its plug-ins', in id order.</summary>
    public static IReadOnlyList<IPolicyRule> Rules { get; } = PolicyRules.With(All);
}
