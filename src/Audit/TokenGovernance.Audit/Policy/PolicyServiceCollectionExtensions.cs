using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TokenGovernance.Audit.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="rules"/> (the engine's one list, <c>PolicyRules.All</c>; product plug-ins register
    /// theirs) and the engine that runs them.
    /// </summary>
    public static IServiceCollection AddPolicyEngine(this IServiceCollection services, IEnumerable<IPolicyRule> rules)
    {
        foreach (var rule in rules)
        {
            services.AddSingleton(rule);
        }

        services.AddSingleton<PolicyRuleCatalog>();
        services.AddSingleton<PolicyEngine>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
