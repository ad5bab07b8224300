using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1 scrapes the worker running <c>--demo</c>, with the chart's rules
/// (short <c>for:</c> through a values override): the target is up, the demo's findings are stored, an alert fires, and
/// every query of the Grafana dashboard returns data.
/// </summary>
public sealed class PrometheusEndToEndTests
{
    [Fact]
    public async Task Prometheus_scrapes_the_demo_worker_fires_its_alert_and_answers_every_dashboard_query()
    {
        using var directory = new TempDirectory();
        await using var worker = WorkerProcess.StartDemo();
        var rules = (await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml",
            "--set", "prometheusRule.for.TokenGovHighFindings=2s", "--set", "prometheusRule.for.TokenGovCriticalFindings=2s")).Single("PrometheusRule");
        // JSON is YAML: the rendered groups are the rules file Prometheus loads.
        directory.File("rules.json", new JsonObject { ["groups"] = rules["spec"]!["groups"]!.DeepClone() }.ToJsonString());
        var config = directory.File("prometheus.yml", $"""
            global: {"{"}scrape_interval: 1s, evaluation_interval: 1s{"}"}
            rule_files: ["{Path.Combine(directory.Path, "rules.json")}"]
            scrape_configs:
              - job_name: tokengov
                static_configs: [{"{"}targets: ["127.0.0.1:{worker.Port}"]{"}"}]
            """);
        await using var prometheus = await PrometheusServer.StartAsync(config, Path.Combine(directory.Path, "data"));

        await Poll.UntilAsync(async () => (await prometheus.QueryAsync("up{job=\"tokengov\"} == 1")).Count == 1,
            TimeSpan.FromSeconds(60), () => "Prometheus never saw the worker up: " + prometheus.Log());
        await Poll.UntilAsync(async () => (await prometheus.QueryAsync("tokengov_findings{rule=\"TG2001\"} > 0")).Count == 1,
            TimeSpan.FromSeconds(60), () => "no TG2001 findings of the demo in Prometheus");

        var findings = await prometheus.QueryAsync("tokengov_findings");
        // The demo's two targets, v2 and InfluxDB 3, in the same metrics.
        Assert.All(findings, series => Assert.Contains((string?)series["metric"]!["target"], new[] { "demo", "demo-v3" }));
        Assert.Contains(findings, series => (string?)series["metric"]!["rule"] == "TG2012" && (string?)series["value"]![1] == "1");
        Assert.Contains(findings, series => (string?)series["metric"]!["target"] == "demo-v3" && (string?)series["metric"]!["rule"] == "TG2103" && (string?)series["value"]![1] == "1");

        await Poll.UntilAsync(async () => (await prometheus.QueryAsync("ALERTS{alertname=\"TokenGovHighFindings\", alertstate=\"firing\"}")).Count > 0,
            TimeSpan.FromSeconds(60), () => "TokenGovHighFindings never fired: " + prometheus.Log());
        var critical = await prometheus.QueryAsync("ALERTS{alertname=\"TokenGovCriticalFindings\", alertstate=\"firing\"}");
        Assert.Contains(critical, alert => (string?)alert["metric"]!["rule"] == "TG2012");
        Assert.Contains(critical, alert => (string?)alert["metric"]!["rule"] == "TG2002" && (string?)alert["metric"]!["target"] == "demo-v3");
        Assert.Empty(await prometheus.QueryAsync("ALERTS{alertname=~\"TokenGovAuditFailing|TokenGovAuditStale|TokenGovWorkerAbsent\"}"));

        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "token-governance.json")));
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var query = target.GetProperty("expr").GetString()!.Replace("$target", ".*", StringComparison.Ordinal);
                var result = await prometheus.QueryAsync(query);
                Assert.True(result.Count > 0, $"dashboard panel '{panel.GetProperty("title").GetString()}' returns no data: {query}");
            }
        }
    }

    /// <summary>Debian's <c>prometheus</c> on a free loopback port with its own storage; stopped and waited for on dispose.</summary>
    private sealed class PrometheusServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _log = new();

        private PrometheusServer(Process process, int port)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        }

        public HttpClient Http { get; }

        public static async Task<PrometheusServer> StartAsync(string config, string storage)
        {
            var port = WorkerProcess.FreePort();
            var start = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[$"--config.file={config}", $"--storage.tsdb.path={storage}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"])
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException("prometheus is not installed (apt-get install prometheus; .ci/run does it)", exception);
            }

            var server = new PrometheusServer(process, port);
            process.ErrorDataReceived += (_, line) => { lock (server._log) { server._log.AppendLine(line.Data); } };
            process.OutputDataReceived += (_, line) => { lock (server._log) { server._log.AppendLine(line.Data); } };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await Poll.UntilAsync(async () =>
            {
                Assert.False(process.HasExited, "prometheus exited: " + server.Log());
                try
                {
                    return (await server.Http.GetAsync("-/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), () => "prometheus did not become ready: " + server.Log());
            return server;
        }

        public string Log()
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }

        /// <summary>An instant query through the HTTP API: the result vector.</summary>
        public async Task<List<JsonNode>> QueryAsync(string query)
        {
            var body = JsonNode.Parse(await Http.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query)))!;
            Assert.Equal("success", (string?)body["status"]);
            return body["data"]!["result"]!.AsArray().Select(series => series!).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            Http.Dispose();
        }
    }
}
