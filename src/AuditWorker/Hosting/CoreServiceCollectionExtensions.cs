using TokenGovernance.Audit.Validation;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Kubernetes;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.AuditWorker.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>What both the <c>audit</c> command and the worker need: options, client, policy, auditing, reports.</summary>
    public static IServiceCollection AddTokenGovernanceCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenGovernanceOptions>()
            .Bind(configuration.GetSection(TokenGovernanceOptions.SectionName))
            .ValidateOnStart();
        // Unknown keys are found before binding (GetValidatedOptions): a target's keys include its product's.
        services.AddSingleton<IConfigureOptions<TokenGovernanceOptions>>(provider =>
            new ProductSettingsBinding(configuration.GetSection(TokenGovernanceOptions.SectionName), provider.GetRequiredService<ProductCatalog>()));
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, TokenGovernanceOptionsValidator>();
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, WorkerOptionsValidator>();
        services.AddSingleton(new BoundSection(configuration.GetSection(TokenGovernanceOptions.SectionName)));

        var targets = configuration.GetSection(TokenGovernanceOptions.SectionName + ":Targets").Get<List<TargetOptions>>() ?? [];
        services.AddPolicyEngine(PolicyRules.All);
        services.AddProducts(ProductPlugins.All, targets);
        services.AddAuditing();
        services.AddKubernetesReferences();
        services.AddInventoryReferences();
        services.AddReporting();
        services.AddRemediation();
        return services;
    }

    /// <summary>
    /// Reads the validated options; configuration problems of every kind (binding, validation) become one
    /// <see cref="ConfigurationException"/> that lists them all.
    /// </summary>
    public static TokenGovernanceOptions GetValidatedOptions(this IServiceProvider services)
    {
        var section = services.GetRequiredService<BoundSection>().Section;
        var productKeys = services.GetRequiredService<ProductCatalog>().All.SelectMany(product => product.SettingKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (UnknownSettings.FindMisshapen(section, typeof(TokenGovernanceOptions), productKeys) is { Count: > 0 } misshapen)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, misshapen));
        }

        if (UnknownSettings.Find(section, typeof(TokenGovernanceOptions), productKeys) is { Count: > 0 } unknown)
        {
            throw new ConfigurationException(Unknown(unknown));
        }

        try
        {
            return services.GetRequiredService<IOptions<TokenGovernanceOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, exception.Failures), exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new ConfigurationException(BindingErrors.Describe(exception), exception);
        }
    }

    private static string Unknown(List<string> paths) =>
        string.Join(Environment.NewLine, paths.Select(path => $"{ParentOf(path)}: '{path[(path.LastIndexOf(':') + 1)..]}' is not a known setting (see docs/configuration.md)"));

    /// <summary>The section the options are bound from, kept to name unknown keys when binding fails.</summary>
    private sealed record BoundSection(IConfigurationSection Section);

    private static string ParentOf(string path) => path.LastIndexOf(':') is var colon and > 0 ? path[..colon] : path;
}
