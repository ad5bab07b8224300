using System.Text.Json;
using System.Text.RegularExpressions;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

[Collection(WorkerHostCollection.Name)]
public class DashboardAndAlertTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot.Path, "deploy");
    private static readonly string DashboardFile = Path.Combine(Deploy, "grafana", "token-governance.json");
    private static readonly string RulesFile = Path.Combine(Deploy, "prometheus", "token-governance-rules.yaml");

    private static List<(int Id, string Title, List<string> Queries)> Panels()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray().Select(panel => (
            panel.GetProperty("id").GetInt32(),
            panel.GetProperty("title").GetString()!,
            panel.TryGetProperty("targets", out var targets)
                ? targets.EnumerateArray().Select(target => target.GetProperty("expr").GetString() ?? string.Empty).ToList()
                : [])).ToList();
    }

    [Fact]
    public void Dashboard_parses_with_unique_panel_ids_a_query_per_panel_and_a_target_variable()
    {
        var panels = Panels();
        Assert.Equal(panels.Count, panels.Select(panel => panel.Id).Distinct().Count());
        Assert.All(panels, panel => Assert.True(panel.Queries.Count > 0 && panel.Queries.All(query => query.Trim().Length > 0), panel.Title + " has no query"));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        Assert.Contains(dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray(), variable => variable.GetProperty("name").GetString() == "target");
        Assert.True(dashboard.RootElement.GetProperty("schemaVersion").GetInt32() >= 36, "Grafana 10+ schema");
        // One file: the chart's copy is a link to it (helm package copies the content in).
        var chartCopy = new FileInfo(Path.Combine(Deploy, "helm", "token-governance", "dashboards", "token-governance.json"));
        Assert.Equal(Path.GetFullPath(DashboardFile), chartCopy.ResolveLinkTarget(returnFinalTarget: true)?.FullName);
    }

    [Fact]
    public void Alerts_carry_severity_summary_description_and_runbook()
    {
        var rules = File.ReadAllText(RulesFile);
        var alerts = Regex.Matches(rules, @"- alert: (\w+)").Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(["TokenGovAuditFailing", "TokenGovAuditStale", "TokenGovCriticalFindings", "TokenGovHighFindings", "TokenGovFindingOpenTooLong", "TokenGovRemediationRefused", "TokenGovTokenExpiringSoon", "TokenGovSchedulerTriggerInError", "TokenGovWorkerAbsent"], alerts);
        Assert.Equal(alerts.Count, Regex.Matches(rules, @"severity: (critical|warning)").Count);
        Assert.Equal(alerts.Count, Regex.Matches(rules, @"summary:").Count);
        Assert.Equal(alerts.Count, Regex.Matches(rules, @"description:").Count);
        Assert.Equal(alerts.Count, Regex.Matches(rules, @"runbook_url:").Count);
        var runbooks = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "runbooks.md"));
        Assert.All(alerts, alert => Assert.Contains("## " + alert, runbooks, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_metric_in_the_dashboard_and_alerts_is_exported_by_the_worker()
    {
        var used = Panels().SelectMany(panel => panel.Queries)
            .Concat(Regex.Matches(File.ReadAllText(RulesFile), @"expr: (.*)").Select(match => match.Groups[1].Value))
            .SelectMany(query => Regex.Matches(query, @"\btokengov_[a-z_]+").Select(match => match.Value))
            .Select(name => Regex.Replace(name, "_(bucket|sum|count)$", string.Empty))
            .ToHashSet();

        await using var worker = await WorkerUnderTest.CreateAsync();
        using var directory = new TempDirectory();
        directory.File("configs/telegraf.conf", "[[outputs.influxdb_v2]]\n  token = \"" + worker.Data.AuditToken.Token + "\"\n");
        worker.Settings["References:Files:0:Path"] = Path.Combine(directory.Path, "configs");
        worker.Settings["Remediation:Mode"] = "plan";
        worker.Settings["Remediation:Rules:TG2001"] = "deactivate";
        await worker.StartAsync();
        // Observable instruments are read one after another: the scrape during which the first audit lands can show
        // the later ones (references) and not yet the earlier ones (findings). Wait for a scrape after it.
        var metrics = await worker.WaitForAsync(scrape => scrape.Named("tokengov_references").Any() && used.All(name => Exported(scrape).Contains(name)));

        Assert.Empty(used.Except(Exported(metrics)));
        Assert.Contains("tokengov_references", used);
    }

    private static HashSet<string> Exported(PrometheusText scrape) =>
        scrape.Samples.Select(sample => Regex.Replace(sample.Name, "_(bucket|sum|count)$", string.Empty)).ToHashSet();
}
