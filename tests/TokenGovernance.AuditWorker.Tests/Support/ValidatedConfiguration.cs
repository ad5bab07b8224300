using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>The test defaults plus <c>settings</c> (keys under <c>TokenGovernance:</c>), registered as both hosts do and validated.</summary>
internal static class ValidatedConfiguration
{
    public static ServiceProvider Of(Dictionary<string, string?> settings, string tokenFile)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        TestSettings.ApplyDefaults(all, new Uri("http://127.0.0.1:1/"), tokenFile);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(all.ToDictionary(pair => TokenGovernanceOptions.SectionName + ":" + pair.Key, pair => pair.Value))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddTokenGovernanceCore(configuration).BuildServiceProvider();
        services.GetValidatedOptions();
        return services;
    }
}
