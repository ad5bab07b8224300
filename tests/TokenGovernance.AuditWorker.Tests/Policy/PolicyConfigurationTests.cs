using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Policy;

public class PolicyConfigurationTests
{
    [Fact]
    public async Task Rules_can_be_disabled_and_regraded()
    {
        var data = new TestData((builder, test) => builder.Token(test.Alice, test.Acme, "", permissions => permissions.Write(test.Telemetry)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        harness.Settings["Policy:Rules:TG2009:Enabled"] = "false";
        harness.Settings["Policy:Rules:TG2001:Severity"] = "low";

        var result = await harness.AuditAsync();

        Assert.DoesNotContain(result.Findings, finding => finding.Rule.Id == "TG2009");
        Assert.All(result.Findings.Where(finding => finding.Rule.Id == "TG2001"), finding => Assert.Equal(Severity.Low, finding.Severity));
    }

    [Fact]
    public async Task Exempted_finding_is_kept_with_its_exemption_and_marked_suppressed()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Policy:Exemptions:0:Rule"] = "TG2005";
        harness.Settings["Policy:Exemptions:0:AuthorizationId"] = harness.TestData.AuditToken.Id;
        harness.Settings["Policy:Exemptions:0:Reason"] = "audit token";
        harness.Settings["Policy:Exemptions:0:Owner"] = "platform";
        harness.Settings["Policy:Exemptions:0:Expires"] = "2027-06-30";

        var result = await harness.AuditAsync();

        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2005");
        Assert.True(finding.Suppressed);
        Assert.Equal(new AppliedExemption("audit token", "platform", "2027-06-30"), finding.Exemption);
    }

    [Fact]
    public async Task User_exemption_covers_that_user_only()
    {
        var data = new TestData((builder, test) =>
        {
            builder.Token(test.Alice, test.Acme, "alice", permissions => permissions.Write(test.Telemetry));
            builder.Token(builder.User("dave"), test.Acme, "dave", permissions => permissions.Write(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        harness.Settings["Policy:Exemptions:0:Rule"] = "TG2001";
        harness.Settings["Policy:Exemptions:0:User"] = "alice";
        harness.Settings["Policy:Exemptions:0:Reason"] = "migrating to svc-ingest in Q1";

        var result = await harness.AuditAsync();

        var personal = result.Findings.Where(finding => finding.Rule.Id == "TG2001" && finding.User is "alice" or "dave").ToList();
        Assert.True(personal.Single(finding => finding.User == "alice").Suppressed);
        Assert.False(personal.Single(finding => finding.User == "dave").Suppressed);
    }

    [Fact]
    public async Task Expired_exemption_no_longer_suppresses_and_is_reported()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Policy:Exemptions:0:Rule"] = "TG2005";
        harness.Settings["Policy:Exemptions:0:AuthorizationId"] = harness.TestData.AuditToken.Id;
        harness.Settings["Policy:Exemptions:0:Reason"] = "audit token";
        harness.Settings["Policy:Exemptions:0:Expires"] = "2026-11-27";

        var result = await harness.AuditAsync();

        Assert.False(result.Findings.Single(finding => finding.Rule.Id == "TG2005").Suppressed);
        var expired = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2018");
        Assert.Equal(Severity.Low, expired.Severity);
        Assert.Contains("2026-11-27", expired.Message, StringComparison.Ordinal);
    }
}
