using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Policy;

public class OwnershipRuleTests
{
    private static IEnumerable<Finding> Of(TokenGovernance.Audit.Auditing.TargetAuditResult result, string ruleId, string? authorizationId = null) =>
        result.Findings.Where(finding => finding.Rule.Id == ruleId && (authorizationId is null || finding.AuthorizationId == authorizationId));

    [Fact]
    public async Task Write_token_of_personal_user_is_flagged_and_of_generic_user_is_not()
    {
        DoubleAuthorization personal = null!, service = null!, readOnly = null!;
        var data = new TestData((builder, test) =>
        {
            personal = builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
            service = builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
            readOnly = builder.Token(test.Alice, test.Acme, "alice reader", permissions => permissions.Read(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        var finding = Assert.Single(Of(result, "TG2001", personal.Id));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("alice", finding.User);
        Assert.Equal("acme", finding.Org);
        Assert.Equal("write-token-personal-owner", finding.Rule.Slug);
        Assert.Empty(Of(result, "TG2001", service.Id));
        Assert.Empty(Of(result, "TG2001", readOnly.Id));
    }

    [Fact]
    public async Task Generic_user_patterns_match_the_whole_name()
    {
        DoubleAuthorization lookalike = null!;
        var data = new TestData((builder, test) =>
        {
            var user = builder.User("my-svc-x");
            lookalike = builder.Token(user, test.Acme, "not a service", permissions => permissions.Write(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Single(Of(result, "TG2001", lookalike.Id));
    }

    [Fact]
    public async Task Without_generic_users_TG2001_still_fires_and_says_how_to_configure_them()
    {
        var data = new TestData((builder, test) => builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        harness.Settings.Remove("Policy:GenericUsers:Patterns:0");

        var result = await harness.AuditAsync();

        Assert.All(Of(result, "TG2001"), finding => Assert.Contains("TokenGovernance:Policy:GenericUsers", finding.Message, StringComparison.Ordinal));
        Assert.Contains(Of(result, "TG2001"), finding => finding.User == "svc-telegraf");
    }

    [Fact]
    public async Task Token_of_deleted_user_is_flagged_on_cloud_where_the_list_shows_it()
    {
        DoubleAuthorization orphan = null!;
        var data = new TestData((builder, test) =>
        {
            var leaver = builder.User("leaver");
            orphan = builder.Token(leaver, test.Acme, "leaver's writer", permissions => permissions.Write(test.Telemetry));
            leaver.Deleted = true;
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Cloud, data);

        var result = await harness.AuditAsync();

        var finding = Assert.Single(Of(result, "TG2003", orphan.Id));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Empty(Of(result, "TG2001", orphan.Id));
        Assert.Equal(1, harness.Server.Faults.RequestCount("/api/v2/users/" + orphan.UserId));
    }

    [Fact]
    public async Task Oss_hides_tokens_of_deleted_users_so_they_are_not_counted()
    {
        var data = new TestData((builder, test) =>
        {
            var leaver = builder.User("leaver");
            builder.Token(leaver, test.Acme, "hidden", permissions => permissions.Write(test.Telemetry));
            leaver.Deleted = true;
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal(1, result.Authorizations);
        Assert.Empty(Of(result, "TG2003"));
    }

    [Fact]
    public async Task Active_token_of_inactive_user_is_flagged()
    {
        DoubleAuthorization stuck = null!;
        var data = new TestData((builder, test) =>
        {
            var bob = builder.User("bob", status: "inactive");
            stuck = builder.Token(bob, test.Acme, "bob reader", permissions => permissions.Read(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29, data);

        var result = await harness.AuditAsync();

        Assert.Equal(Severity.Medium, Assert.Single(Of(result, "TG2010", stuck.Id)).Severity);
    }

    [Fact]
    public async Task Audit_token_that_sees_only_its_own_tokens_reports_limited_coverage()
    {
        DoubleAuthorization aliceAllAccess = null!;
        var data = new TestData((builder, test) =>
        {
            aliceAllAccess = builder.Token(test.Alice, test.Acme, "alice all access", permissions => permissions.AllAccess());
            builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        File.WriteAllText(harness.TokenFile, aliceAllAccess.Token);

        var result = await harness.AuditAsync();

        var finding = Assert.Single(Of(result, "TG2016"));
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Null(finding.AuthorizationId);
        Assert.Equal(1, result.Authorizations);
    }
}
