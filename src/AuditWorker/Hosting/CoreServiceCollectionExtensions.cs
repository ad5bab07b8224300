using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Auditing;
using TokenGovernance.AuditWorker.Configuration;
using TokenGovernance.AuditWorker.Influx;
using TokenGovernance.AuditWorker.Policy;
using TokenGovernance.AuditWorker.Reporting;

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

        var targets = configuration.GetSection(TokenGovernanceOptions.SectionName + ":Targets").Get<List<TargetOptions>>() ?? [];
        services.AddPolicyEngine();
        services.AddInfluxClient(targets);
        services.AddAuditing();
        services.AddReporting();
        return services;
    }

    /// <summary>
    /// Reads the validated options; configuration problems of every kind (binding, validation) become one
    /// <see cref="ConfigurationException"/> that lists them all.
    /// </summary>
    public static TokenGovernanceOptions GetValidatedOptions(this IServiceProvider services)
    {
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
            throw new ConfigurationException(exception.Message.ReplaceLineEndings(" "), exception);
        }
    }
}
