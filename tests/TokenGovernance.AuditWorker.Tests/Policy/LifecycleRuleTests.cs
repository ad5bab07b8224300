using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Policy;

public class LifecycleRuleTests
{
    [Fact]
    public async Task Old_active_token_is_too_old_and_unknown_creation_date_is_skipped()
    {
        DoubleAuthorization old = null!, unknown = null!, young = null!;
        var data = new TestData((builder, test) =>
        {
            old = builder.Token(test.ServiceUser, test.Acme, "old", permissions => permissions.Read(test.Telemetry));
            old.CreatedAt = TestData.Now.AddDays(-400);
            unknown = builder.Token(test.ServiceUser, test.Acme, "unknown age", permissions => permissions.Read(test.Telemetry));
            unknown.CreatedAt = DateTimeOffset.MinValue;
            young = builder.Token(test.ServiceUser, test.Acme, "young", permissions => permissions.Read(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        var tooOld = result.Findings.Where(finding => finding.Rule.Id == "TG2008").Select(finding => finding.AuthorizationId).ToList();
        Assert.Equal([old.Id], tooOld);
    }

    [Fact]
    public async Task Max_token_age_is_configurable()
    {
        var data = new TestData((builder, test) => builder.Token(test.ServiceUser, test.Acme, "30 days", permissions => permissions.Read(test.Telemetry)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        harness.Settings["Policy:MaxTokenAgeDays"] = "10";

        var result = await harness.AuditAsync();

        Assert.Equal(2, result.Findings.Count(finding => finding.Rule.Id == "TG2008"));
    }

    [Fact]
    public async Task Missing_or_blank_description_is_flagged()
    {
        DoubleAuthorization blank = null!;
        var data = new TestData((builder, test) => blank = builder.Token(test.ServiceUser, test.Acme, "   ", permissions => permissions.Read(test.Telemetry)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal([blank.Id], result.Findings.Where(finding => finding.Rule.Id == "TG2009").Select(finding => finding.AuthorizationId));
    }

    [Fact]
    public async Task Inactive_token_past_retention_is_stale()
    {
        DoubleAuthorization stale = null!, recent = null!;
        var data = new TestData((builder, test) =>
        {
            stale = builder.Token(test.ServiceUser, test.Acme, "stale", permissions => permissions.Read(test.Telemetry));
            stale.Status = "inactive";
            stale.UpdatedAt = TestData.Now.AddDays(-91);
            recent = builder.Token(test.ServiceUser, test.Acme, "recent", permissions => permissions.Read(test.Telemetry));
            recent.Status = "inactive";
            recent.UpdatedAt = TestData.Now.AddDays(-10);
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal([stale.Id], result.Findings.Where(finding => finding.Rule.Id == "TG2015").Select(finding => finding.AuthorizationId));
        Assert.Equal(2, result.InactiveAuthorizations);
    }
}
