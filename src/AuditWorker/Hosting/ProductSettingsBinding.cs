using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// Binds each product plug-in's settings (<c>AccountId</c>, <c>Flavor</c>, …) from each target's own section, for
/// every target: the plug-in whose target it is reads them, the others' validators say when they are set where they
/// mean nothing. Runs after the engine's options are bound, before they are validated.
/// </summary>
internal sealed class ProductSettingsBinding(IConfigurationSection section, ProductCatalog products) : IConfigureOptions<TokenGovernanceOptions>
{
    /// <summary>Each settings binding once: a plug-in's kinds may share one (Dedicated and Clustered do).</summary>
    private readonly IReadOnlyList<Func<Func<string, string?>, object>> _bindings = products.All
        .Select(product => product.BindSettings).OfType<Func<Func<string, string?>, object>>().Distinct().ToList();

    public void Configure(TokenGovernanceOptions options)
    {
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = section.GetSection($"Targets:{index}");
            foreach (var bind in _bindings)
            {
                options.Targets[index].SetProductSettings(bind(key => target[key]));
            }
        }
    }
}
