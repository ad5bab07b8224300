using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Worker;

[Collection(WorkerHostCollection.Name)]
public class MetricsTests
{
    private static readonly string[] EnabledRules = [.. ProductPlugins.Rules.Select(rule => rule.Descriptor.Id)];

    [Fact]
    public async Task Metrics_expose_every_enabled_rule_with_low_cardinality_labels()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Policy:Rules:TG2009:Enabled"] = "false";
        await worker.StartAsync();

        var metrics = await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 1);

        var findings = metrics.Named("tokengov_findings").ToList();
        Assert.Equal(EnabledRules.Where(rule => rule != "TG2009").Order(), findings.Select(sample => sample.Labels["rule"]).Order());
        Assert.Equal(1, metrics.Value("tokengov_findings", ("target", "test"), ("rule", "TG2001"), ("severity", "high")) - 1);
        Assert.Equal(0, metrics.Value("tokengov_findings", ("target", "test"), ("rule", "TG2004"), ("severity", "high")));
        Assert.Equal(1, metrics.Value("tokengov_findings", ("target", "test"), ("rule", "TG2005"), ("severity", "critical")));
        Assert.Equal(0, metrics.Value("tokengov_findings_suppressed", ("target", "test"), ("rule", "TG2005")));
        Assert.Equal(2, metrics.Value("tokengov_authorizations", ("target", "test"), ("status", "active")));
        Assert.Equal(0, metrics.Value("tokengov_authorizations", ("target", "test"), ("status", "inactive")));
        Assert.Equal(1, metrics.Value("tokengov_audit_duration_seconds_count", ("target", "test")));
        Assert.NotNull(metrics.Value("tokengov_audit_duration_seconds_bucket", ("target", "test"), ("le", "0.25")));
        Assert.NotNull(metrics.Value("tokengov_audit_duration_seconds_bucket", ("target", "test"), ("le", "300")));
        var lastSuccess = metrics.Value("tokengov_last_success_timestamp_seconds", ("target", "test"))!.Value;
        Assert.InRange(lastSuccess, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal(1, Assert.Single(metrics.Named("tokengov_build_info")).Value);

        var forbidden = new[] { "user", "userId", "authorizationId", "token", "id" };
        Assert.All(metrics.Samples.Where(sample => sample.Name.StartsWith("tokengov_", StringComparison.Ordinal)),
            sample => Assert.DoesNotContain(sample.Labels.Keys, key => forbidden.Contains(key)));
        CanaryAssert.NoTokenIn(await worker.Http.GetStringAsync("/metrics"), worker.Data.AllTokenValues, "/metrics");
        CanaryAssert.NoTokenIn(worker.Logs.Text, worker.Data.AllTokenValues, "the worker's logs");
    }

    [Fact]
    public async Task Failed_audit_counts_as_failure_and_keeps_the_last_snapshot()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Schedule"] = "* * * * * ?";
        await worker.StartAsync();
        var before = await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 1);
        var lastSuccess = before.Value("tokengov_last_success_timestamp_seconds", ("target", "test"));
        var personal = before.Value("tokengov_findings", ("target", "test"), ("rule", "TG2001"), ("severity", "high"));

        worker.Server.Faults.Add(new Fault("/api/v2/", FaultKind.ServiceUnavailable));
        var after = await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "failure")) >= 2);

        Assert.Equal(lastSuccess, after.Value("tokengov_last_success_timestamp_seconds", ("target", "test")));
        Assert.Equal(personal, after.Value("tokengov_findings", ("target", "test"), ("rule", "TG2001"), ("severity", "high")));
        Assert.Contains("Audit failed: target 'test': GET /api/v2/orgs", worker.Logs.Text, StringComparison.Ordinal);
    }
}
