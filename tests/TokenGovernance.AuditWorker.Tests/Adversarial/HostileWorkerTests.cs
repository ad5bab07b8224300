using System.Net;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// The same hostile answers through the always-on worker: one real <c>tokengov</c> process with a target per case.
/// Every run that does not succeed is a counted failure (<c>tokengov_audit_runs_total{outcome="failure"}</c>) from
/// the very first run, <c>/readyz</c> says which targets failed and why, and nothing in its logs, metrics or report
/// holds a token or a crash.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class HostileWorkerTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    [Fact]
    public async Task Every_hostile_answer_is_a_counted_failure_in_the_worker()
    {
        var cases = fixture.Cases.Values.OrderBy(hostile => hostile.Name, StringComparer.Ordinal).ToList();
        var (http, bearer) = WorkerProcess.GuardedHttp(fixture.Directory);
        var config = fixture.Config("worker.json", cases.Select(hostile => fixture.Target(hostile, hostile.Name)), auditTimeout: "00:00:20", extra: section =>
        {
            // One client for every case: short enough for the stalling ones to time out (and retry once) within the
            // audit timeout, twenty times what a 65 MiB answer takes on loopback.
            section["Client"]!["AttemptTimeout"] = "00:00:04";
            section["Client"]!["TotalTimeout"] = "00:00:09";
            section["Schedule"] = "0 0 0 1 1 ? 2099";
            section["MaxConcurrentTargets"] = 16;
            section["Http"] = http;
        });
        await using var worker = WorkerProcess.Start(config, bearer);
        var metrics = await worker.WaitForAsync(
            scrape => cases.All(hostile => Runs(scrape, hostile.Name, "success") + Runs(scrape, hostile.Name, "failure") >= 1),
            TimeSpan.FromSeconds(90),
            scrape => "not every target was audited: " + string.Join(", ", cases.Where(hostile => scrape is null
                || Runs(scrape, hostile.Name, "success") + Runs(scrape, hostile.Name, "failure") < 1).Select(hostile => hostile.Name)));

        foreach (var hostile in cases)
        {
            Assert.True(Runs(metrics, hostile.Name, hostile.Succeeds ? "success" : "failure") == 1, $"{hostile.Name}: not counted as {(hostile.Succeeds ? "success" : "failure")}");
            Assert.True(Runs(metrics, hostile.Name, hostile.Succeeds ? "failure" : "success") == 0, $"{hostile.Name}: counted as both");
        }

        // A target that never succeeded still has a last-success series (0: never), so the stale-audit alert fires.
        Assert.Equal(0, metrics.Value("tokengov_last_success_timestamp_seconds", ("target", "orgs-null-list")));

        using var ready = await worker.Http.GetAsync("readyz");
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("audits: Degraded", readiness, StringComparison.Ordinal);
        Assert.Contains("target 'orgs-null-list': GET /api/v2/orgs", readiness, StringComparison.Ordinal);

        var report = await worker.Http.GetStringAsync("report");
        var scrape = await worker.Http.GetStringAsync("metrics");
        var logs = await worker.StopAsync();
        Assert.DoesNotContain("Unhandled exception", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Job threw", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", logs, StringComparison.Ordinal);
        Assert.Contains("GET /orgs-stalled-headers/api/v2/orgs: timed out (attempt 1 of 2, next in", logs, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', logs);
        AdversarialAssert.NoCanary(fixture.Canaries, ("worker logs", logs), ("/metrics", scrape), ("/report", report), ("/readyz", readiness));
    }

    private static double Runs(PrometheusText metrics, string target, string outcome) =>
        metrics.Value("tokengov_audit_runs_total", ("target", target), ("outcome", outcome)) ?? 0;
}
