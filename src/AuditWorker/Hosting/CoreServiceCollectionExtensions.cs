using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Kubernetes;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.Audit.Validation;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Persistence;

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
        services.AddSchedulerOptions(configuration);
        services.AddHistoryOptions(configuration);
        services.AddHttpEndpointOptions(configuration);
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
    /// The worker's sections beside the engine's options: each component binds and validates its own
    /// (<c>AddSchedulerOptions</c>, <c>AddHistoryOptions</c>, <c>AddHttpEndpointOptions</c>); their keys are known to
    /// the unknown-key check whether or not this host registers them (a one-shot command ignores <c>Scheduler</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, Type> WorkerSections { get; } = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["Scheduler"] = typeof(SchedulerOptions),
        ["History"] = typeof(HistoryOptions),
        ["Http"] = typeof(HttpEndpointOptions),
    };

    /// <summary>
    /// Reads the validated options; configuration problems of every kind (binding, validation, of the engine's options
    /// and of the worker's sections) become one <see cref="ConfigurationException"/> that lists them all.
    /// </summary>
    public static TokenGovernanceOptions GetValidatedOptions(this IServiceProvider services)
    {
        var section = services.GetRequiredService<BoundSection>().Section;
        var productKeys = services.GetRequiredService<ProductCatalog>().All.SelectMany(product => product.SettingKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (UnknownSettings.FindMisshapen(section, typeof(TokenGovernanceOptions), productKeys, WorkerSections) is { Count: > 0 } misshapen)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, misshapen));
        }

        if (UnknownSettings.Find(section, typeof(TokenGovernanceOptions), productKeys, WorkerSections) is { Count: > 0 } unknown)
        {
            throw new ConfigurationException(Unknown(unknown));
        }

        var problems = new List<string>();
        var options = Validated<TokenGovernanceOptions>(services, problems);
        Validated<SchedulerOptions>(services, problems);
        Validated<HistoryOptions>(services, problems);
        Validated<HttpEndpointOptions>(services, problems);
        return problems.Count == 0 ? options! : throw new ConfigurationException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>One options type's value, or its validation problems added to <paramref name="problems"/>; a binding error ends the read.</summary>
    private static T? Validated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services, List<string> problems)
        where T : class
    {
        try
        {
            return services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            problems.AddRange(exception.Failures);
            return null;
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
