using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;

namespace TokenGovernance.AuditWorker.Tests.Cli;

public sealed class UnknownSettingsTests
{
    [Fact]
    public void Keys_the_options_have_no_place_for_are_named_with_their_full_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TokenGovernance:Targets:0:Name"] = "prod",
            ["TokenGovernance:Targets:0:Tokn"] = "x",
            ["TokenGovernance:Targets:1:Orgs:0"] = "acme",
            ["TokenGovernance:Policy:Rules:TG2001:Enabled"] = "false",
            ["TokenGovernance:Policy:Rules:TG2001:Severty"] = "low",
            ["TokenGovernance:Client:AttemptTimeout:Seconds"] = "5",
            ["TokenGovernance:Targts"] = "x",
        }).Build();

        var unknown = UnknownSettings.Find(configuration.GetSection("TokenGovernance"), typeof(TokenGovernanceOptions));

        Assert.Equal(
            ["TokenGovernance:Client:AttemptTimeout:Seconds", "TokenGovernance:Policy:Rules:TG2001:Severty", "TokenGovernance:Targets:0:Tokn", "TokenGovernance:Targts"],
            unknown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_single_value_where_a_list_or_a_section_belongs_is_named_without_its_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TokenGovernance:Targets:0:Name"] = "prod",
            ["TokenGovernance:Targets:0:Orgs"] = "acme-canary-value",
            ["TokenGovernance:Targets:1:Orgs:0"] = "acme",
            ["TokenGovernance:Policy"] = "strict",
            ["TokenGovernance:Policy:Rules:TG2001:Enabled"] = "false",
            ["TokenGovernance:Remediation:Rules"] = "",
        }).Build();

        var misshapen = UnknownSettings.FindMisshapen(configuration.GetSection("TokenGovernance"), typeof(TokenGovernanceOptions));

        var line = Assert.Single(misshapen);
        Assert.Equal("TokenGovernance:Targets:0:Orgs: takes a list (a JSON array), not a single value", line);
    }
}
