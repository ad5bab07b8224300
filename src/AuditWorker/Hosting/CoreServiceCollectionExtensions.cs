using TokenGovernance.Audit.Validation;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.Audit.InfluxV3;
using TokenGovernance.Audit.Management;
using TokenGovernance.Audit.Kubernetes;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.AuditWorker.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>What both the <c>audit</c> command and the worker need: options, client, policy, auditing, reports.</summary>
    public static IServiceCollection AddTokenGovernanceCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenGovernanceOptions>()
            .Bind(configuration.GetSection(TokenGovernanceOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, TokenGovernanceOptionsValidator>();
        services.AddSingleton<IValidateOptions<TokenGovernanceOptions>, WorkerOptionsValidator>();
        services.AddSingleton(new BoundSection(configuration.GetSection(TokenGovernanceOptions.SectionName)));

        var targets = configuration.GetSection(TokenGovernanceOptions.SectionName + ":Targets").Get<List<TargetOptions>>() ?? [];
        services.AddPolicyEngine();
        services.AddInfluxClient(targets);
        services.AddInfluxV3Reader(targets);
        services.AddManagementReader(targets);
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
        if (UnknownSettings.FindMisshapen(section, typeof(TokenGovernanceOptions)) is { Count: > 0 } misshapen)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, misshapen));
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
            var unknown = UnknownSettings.Find(section, typeof(TokenGovernanceOptions));
            var message = unknown.Count > 0
                ? string.Join(Environment.NewLine, unknown.Select(path => $"{ParentOf(path)}: '{path[(path.LastIndexOf(':') + 1)..]}' is not a known setting (see docs/configuration.md)"))
                : BindingErrors.Describe(exception);
            throw new ConfigurationException(message, exception);
        }
    }

    /// <summary>The section the options are bound from, kept to name unknown keys when binding fails.</summary>
    private sealed record BoundSection(IConfigurationSection Section);

    private static string ParentOf(string path) => path.LastIndexOf(':') is var colon and > 0 ? path[..colon] : path;
}
