using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Policy;

public class PermissionRuleTests
{
    private static List<string> RulesOf(TokenGovernance.Audit.Auditing.TargetAuditResult result, DoubleAuthorization authorization) =>
        result.Findings.Where(finding => finding.AuthorizationId == authorization.Id).Select(finding => finding.Rule.Id).Order().ToList();

    [Fact]
    public async Task All_access_token_is_TG2004_and_not_also_TG2006_or_TG2007()
    {
        DoubleAuthorization allAccess = null!;
        var data = new TestData((builder, test) => allAccess = builder.Token(test.ServiceUser, test.Acme, "ui all access", permissions => permissions.AllAccess()));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal(["TG2004"], RulesOf(result, allAccess));
    }

    [Fact]
    public async Task Operator_token_is_critical_TG2005_only()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);

        var result = await harness.AuditAsync();

        var rules = RulesOf(result, harness.TestData.AuditToken);
        Assert.Contains("TG2005", rules);
        Assert.DoesNotContain("TG2004", rules);
        Assert.DoesNotContain("TG2006", rules);
        Assert.DoesNotContain("TG2007", rules);
        Assert.Equal(Severity.Critical, result.Findings.Single(finding => finding.Rule.Id == "TG2005").Severity);
    }

    [Fact]
    public async Task Org_wide_bucket_write_is_TG2006_and_bucket_scoped_write_is_not()
    {
        DoubleAuthorization orgWide = null!, scoped = null!;
        var data = new TestData((builder, test) =>
        {
            orgWide = builder.Token(test.ServiceUser, test.Acme, "any bucket", permissions => permissions.OrgWide("write", "buckets"));
            scoped = builder.Token(test.ServiceUser, test.Acme, "one bucket", permissions => permissions.Write(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal(["TG2006"], RulesOf(result, orgWide));
        Assert.Empty(RulesOf(result, scoped));
    }

    [Fact]
    public async Task Privileged_write_is_TG2007_unless_the_owner_is_an_admin()
    {
        DoubleAuthorization carol = null!, admin = null!;
        var data = new TestData((builder, test) =>
        {
            var user = builder.User("carol");
            carol = builder.Token(user, test.Acme, "rotation", permissions => permissions.OrgWide("write", "authorizations"));
            admin = builder.Token(test.Admin, test.Acme, "admin tool", permissions => permissions.OrgWide("write", "users").OrgWide("write", "secrets"));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Contains("TG2007", RulesOf(result, carol));
        Assert.DoesNotContain("TG2007", RulesOf(result, admin));
    }

    [Fact]
    public async Task Permission_on_deleted_bucket_is_dangling()
    {
        DoubleAuthorization dangling = null!;
        var data = new TestData((builder, test) =>
        {
            var gone = builder.Bucket(test.Acme, "gone");
            dangling = builder.Token(test.ServiceUser, test.Acme, "reader of a deleted bucket", permissions => permissions.Read(gone).Read(test.Telemetry));
            gone.Deleted = true;
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2014");
        Assert.Equal(dangling.Id, finding.AuthorizationId);
        Assert.Contains("read:buckets/", finding.Message, StringComparison.Ordinal);
    }
}
