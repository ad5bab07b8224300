using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.Audit.Tests.Policy;

/// <summary>A rule a product cannot feed is not guessed: it is named as not applicable in the report instead.</summary>
public sealed class NotApplicableRuleTests
{
    private static readonly PolicyEngine Engine = new ServiceCollection()
        .AddSingleton(Options.Create(new TokenGovernanceOptions()))
        .AddPolicyEngine(PolicyRules.All)
        .BuildServiceProvider()
        .GetRequiredService<PolicyEngine>();

    [Fact]
    public void A_product_without_owners_lists_the_owner_rules_as_not_applicable()
    {
        var notApplicable = Engine.NotApplicable(new ProductCapabilities(HasOwners: false, HasStatus: true, HasExpiry: true, FillsScopeNames: true, HasOrgs: true));

        Assert.Equal(
            [PolicyRuleIds.WriteTokenPersonalOwner, PolicyRuleIds.TokenOwnerDeleted, PolicyRuleIds.PrivilegedPermission, PolicyRuleIds.TokenOwnerInactive, PolicyRuleIds.AuditCoverageLimited],
            notApplicable);
    }

    [Fact]
    public async Task The_json_report_names_them_and_a_v2_report_has_no_such_field()
    {
        var withoutOwners = Result(["TG2001", "TG2003"]);
        var v2 = Result([]);

        var json = await WriteAsync(withoutOwners);
        var v2Json = await WriteAsync(v2);

        Assert.Contains("\"rulesNotApplicable\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"TG2003\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("rulesNotApplicable", v2Json, StringComparison.Ordinal);
    }

    private static TargetAuditResult Result(IReadOnlyList<string> notApplicable) => new()
    {
        Target = "t",
        Url = "http://127.0.0.1:1",
        Flavor = "oss",
        Outcome = AuditOutcome.Success,
        RulesNotApplicable = notApplicable,
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
    };

    private static async Task<string> WriteAsync(TargetAuditResult result)
    {
        using var output = new MemoryStream();
        await new JsonReportWriter().WriteAsync(ReportDocumentBuilder.Build(new AuditReport(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [result])), output, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
