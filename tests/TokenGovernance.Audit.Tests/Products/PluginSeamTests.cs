using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.Audit.Validation;

namespace TokenGovernance.Audit.Tests.Products;

/// <summary>
/// A product the engine has never heard of, declared by a plug-in of this test only: the engine reads it, names it,
/// validates its <c>Kind</c> and its settings' place, reports it and applies its words, without a line changed.
/// </summary>
public sealed class PluginSeamTests : IDisposable
{
    private readonly string _tokenFile = Path.GetTempFileName();

    public PluginSeamTests() => File.WriteAllText(_tokenFile, "made-up-audit-token\n");

    public void Dispose() => File.Delete(_tokenFile);

    [Fact]
    public async Task A_new_product_is_audited_reported_and_worded_as_its_plug_in_declares()
    {
        var target = new TargetOptions { Name = "rack-1", Kind = "MemoryDB", Url = "http://127.0.0.1:1", TokenFile = _tokenFile };
        target.SetProductSettings(new MemorySettings { Region = "eu" });
        using var services = Services(target);

        var report = await services.GetRequiredService<AuditRunner>().RunAsync([target], CancellationToken.None);
        var result = Assert.Single(report.Targets);
        var table = await TableAsync(services, report);

        Assert.True(result.Outcome == AuditOutcome.Success, result.Error);
        Assert.Equal(("memorydb", "memory-eu", "http://127.0.0.1:1/eu"), (result.Kind, result.Flavor, result.Url));
        Assert.Contains(result.Findings, finding => finding.Rule.Id == PolicyRuleIds.MissingDescription && finding.Message == "No description: say it in the rack's ledger");
        Assert.Contains("rack-1 (memory-eu): 1 tokens (0 expired or revoked)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_takes_the_plug_ins_words_and_the_engine_s_product_messages_name_them()
    {
        var target = new TargetOptions { Name = "rack-1", Kind = "memorydb", Url = "http://127.0.0.1:1", TokenFile = _tokenFile, Orgs = ["acme"], ServiceUser = "svc" };
        var unknown = new TargetOptions { Name = "rack-2", Kind = "influxdb9", Url = "http://127.0.0.1:1", TokenFile = _tokenFile };
        using var services = Services(target, unknown);

        var problems = services.GetRequiredService<TokenGovernanceOptionsValidator>().Validate(null, services.GetRequiredService<IOptions<TokenGovernanceOptions>>().Value).Failures;

        Assert.Equal(
            [
                "TokenGovernance:Targets:0:Orgs applies to orgdb targets only; remove it from this memorydb target (it has no organizations)",
                "TokenGovernance:Targets:0:ServiceUser applies to orgdb targets only (a re-issue is built for OrgDB API)",
                "TokenGovernance:Targets:1:Kind 'influxdb9' is not orgdb or memorydb",
            ],
            problems);
    }

    private static ServiceProvider Services(params TargetOptions[] targets)
    {
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new TokenGovernanceOptions { Targets = [.. targets] }))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<TokenGovernanceOptionsValidator>()
            .AddPolicyEngine(PolicyRules.All)
            .AddAuditing()
            .AddReporting()
            .AddProducts([new OrgPlugin(), new MemoryPlugin()], targets);
        return services.BuildServiceProvider();
    }

    private static async Task<string> TableAsync(IServiceProvider services, AuditReport report)
    {
        using var output = new MemoryStream();
        var writer = services.GetServices<IReportWriter>().Single(candidate => candidate.Format == "table");
        await writer.WriteAsync(ReportDocumentBuilder.Build(report), output, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    private sealed class MemorySettings
    {
        public string Region { get; set; } = "none";
    }

    /// <summary>The default product, with orgs and token actions: only for the messages that name such products.</summary>
    private sealed class OrgPlugin : IProductPlugin
    {
        public IReadOnlyList<ProductDescriptor> Products { get; } =
            [new() { Kind = "orgdb", ApiName = "OrgDB API", IsDefault = true, HasOrgs = true, ChangesTokens = true }];

        public void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets)
        {
        }
    }

    private sealed class MemoryPlugin : IProductPlugin
    {
        public static ProductDescriptor Descriptor { get; } = new()
        {
            Kind = "memorydb",
            ApiName = "MemoryDB",
            SettingKeys = ["Region"],
            BindSettings = key => new MemorySettings { Region = key("Region") ?? "none" },
            ReportedUrl = target => $"{target.Url}/{target.ProductSettings<MemorySettings>().Region}",
            Words = new ProductWords { MissingDescription = "No description: say it in the rack's ledger" },
        };

        public IReadOnlyList<ProductDescriptor> Products { get; } = [Descriptor];

        public void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets) =>
            services.AddSingleton<ITargetReader, MemoryReader>();
    }

    private sealed class MemoryReader : ITargetReader
    {
        public bool CanRead(TargetOptions target) => MemoryPlugin.Descriptor.Reads(target);

        public Task<TargetRead> ReadAsync(TargetOptions target, string auditToken, ReadProgress progress, ReadScope scope, CancellationToken cancellationToken)
        {
            var token = new Token
            {
                Id = "1", Kind = TokenKind.Database, Status = TokenStatus.Active, Permissions = [Permission.OnDatabase("read", "metrics")],
                CreatedAt = DateTimeOffset.UtcNow, Value = new TokenValue(TokenVisibility.Missing, null),
            };
            var inventory = TargetInventory.OfTokensOnly(
                target.Name, "memory-" + target.ProductSettings<MemorySettings>().Region, MemoryPlugin.Descriptor.Kind, MemoryPlugin.Descriptor.Words,
                new ProductCapabilities(HasOwners: false, HasStatus: true, HasExpiry: true, FillsScopeNames: false), [token]);
            return Task.FromResult(new TargetRead(inventory, NoTokenProbe.Instance));
        }
    }
}
