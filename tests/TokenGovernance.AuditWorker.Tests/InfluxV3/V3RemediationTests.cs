using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>Remediation never plans a v2 action on an InfluxDB 3 or management target: it says why instead.</summary>
public sealed class V3RemediationTests
{
    [Theory]
    [InlineData(InfluxDoubleMode.V3Enterprise)]
    [InlineData(InfluxDoubleMode.Clustered)]
    public async Task Deactivate_is_not_planned_on_a_product_that_can_only_delete_and_the_plan_says_so(InfluxDoubleMode mode)
    {
        var data = mode.IsV3()
            ? V3Data.V3((builder, _) => builder.Described("ancient", "db:telemetry:read", V3Data.Now.AddDays(60)).CreatedAt = V3Data.Now.AddDays(-400))
            : V3Data.Management((builder, _) => builder.DatabaseToken("ancient", ("read", "telemetry")).CreatedAt = V3Data.Now.AddDays(-400));
        await using var harness = await AuditHarness.StartAsync(mode, data);
        harness.Settings["Remediation:Rules:TG2008"] = "deactivate";
        harness.Settings["Remediation:GraceDays"] = "0";

        var report = await harness.RunAsync(AuditDetail.Tokens);
        using var host = harness.BuildHost();
        var plan = new RemediationPlanner(host.Services.GetValidatedOptions(), host.Services.GetRequiredService<TokenGovernance.Audit.Products.ProductCatalog>()).Plan(report, new HashSet<string>(), V3Data.Now);

        Assert.Single(Assert.Single(report.Targets).Findings, finding => finding.Rule.Id == "TG2008");
        Assert.Empty(plan.Actions);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("TG2008", skipped.Rule);
        Assert.Contains("deactivate exists on InfluxDB v2 only", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Server.Requests.Count(request => !request.StartsWith("GET ", StringComparison.Ordinal)));
    }
}
