using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Products;

/// <summary>
/// A product plug-in (a reader project): the kinds of target it reads and the services it registers for them (its
/// reader, probe, token actions, settings validator) and its own rules. The host lists its plug-ins once.
/// </summary>
public interface IProductPlugin
{
    IReadOnlyList<ProductDescriptor> Products { get; }

    /// <summary>Rules only this plug-in's products need (registered with the engine's; listed with them in the rule index).</summary>
    IReadOnlyList<IPolicyRule> Rules => [];

    /// <summary>Registers the plug-in's services; <paramref name="configuredTargets"/> are the targets as configured (for per-target HttpClients).</summary>
    void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets);
}

public static class ProductPluginServiceCollectionExtensions
{
    /// <summary>Every plug-in's products and services.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services, IEnumerable<IProductPlugin> plugins, IReadOnlyList<TargetOptions> configuredTargets)
    {
        foreach (var plugin in plugins)
        {
            foreach (var product in plugin.Products)
            {
                services.AddProduct(product);
            }

            foreach (var rule in plugin.Rules)
            {
                services.AddSingleton(rule);
            }

            plugin.Register(services, configuredTargets);
        }

        return services;
    }
}
