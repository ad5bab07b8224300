using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>What the chart gives a cluster, asserted on the rendered objects (not on the template text).</summary>
public sealed class RenderedObjectTests
{
    [Fact]
    public async Task The_pod_runs_as_non_root_with_a_read_only_root_and_no_capabilities()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/minimal-values.yaml");

        var pod = objects.Single("Deployment")["spec"]!["template"]!["spec"]!;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        Assert.False((bool)pod["automountServiceAccountToken"]!);
        var container = Assert.Single(pod["containers"]!.AsArray())!;
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(value => (string?)value));
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
    }

    [Fact]
    public async Task The_service_monitor_selects_the_service_and_scrapes_a_port_it_has()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml");

        var service = objects.Single("Service");
        var monitor = objects.Single("ServiceMonitor");
        var selector = monitor["spec"]!["selector"]!["matchLabels"]!.AsObject();
        var labels = service["metadata"]!["labels"]!.AsObject();
        Assert.NotEmpty(selector);
        Assert.All(selector, pair => Assert.Equal((string?)pair.Value, (string?)labels[pair.Key]));
        var ports = service["spec"]!["ports"]!.AsArray().Select(port => (string?)port!["name"]).ToList();
        Assert.All(monitor["spec"]!["endpoints"]!.AsArray(), endpoint =>
        {
            Assert.Contains((string?)endpoint!["port"], ports);
            Assert.Equal("/metrics", (string?)endpoint["path"]);
        });
        Assert.Equal("prometheus", (string?)monitor["metadata"]!["labels"]!["release"]);
        // The Service selects the pods of the Deployment.
        var podLabels = objects.Single("Deployment")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), pair => Assert.Equal((string?)pair.Value, (string?)podLabels[pair.Key]));
    }

    [Fact]
    public async Task With_an_existing_secret_the_chart_makes_no_secret_and_mounts_that_one()
    {
        var existing = await ChartRender.ObjectsAsync("-f", "ci/existing-secret-values.yaml");
        Assert.DoesNotContain(existing, item => (string?)item["kind"] == "Secret");
        var volumes = existing.Single("Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray();
        Assert.Contains(volumes, volume => (string?)volume!["secret"]?["secretName"] == "influx-audit-token");

        var minimal = await ChartRender.ObjectsAsync("-f", "ci/minimal-values.yaml");
        var secret = minimal.Single("Secret");
        Assert.Equal("replace-me-in-ci-only", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["token"]!)));

        Assert.Contains("set influx.existingSecret", await ChartRender.FailureAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_one_replica_is_refused_without_the_postgres_store()
    {
        var error = await ChartRender.FailureAsync("-f", "ci/minimal-values.yaml", "--set", "replicaCount=2");

        Assert.Contains("replicaCount > 1 needs scheduler.store: postgres", error, StringComparison.Ordinal);
        Assert.Equal(3, (long)(await ChartRender.ObjectsAsync("-f", "ci/ha-values.yaml")).Single("Deployment")["spec"]!["replicas"]!);
    }

    [Theory]
    [InlineData("ci/minimal-values.yaml", "memory")]
    [InlineData("ci/ha-values.yaml", "postgres")]
    [InlineData("ci/kubernetes-references-values.yaml", "memory")]
    [InlineData("ci/remediation-plan-values.yaml", "memory")]
    [InlineData("ci/bearer-values.yaml", "memory")]
    public async Task The_rendered_config_map_is_what_the_worker_accepts_with_the_files_the_pod_mounts(string values, string store)
    {
        var objects = await ChartRender.ObjectsAsync("-f", values);
        using var directory = new TempDirectory();

        // Each mounted Secret item becomes a file at the same place under a temporary root.
        var pod = objects.Single("Deployment")["spec"]!["template"]!["spec"]!;
        var json = (string)objects.Single("ConfigMap", "token-governance")["data"]!["tokengov.json"]!;
        foreach (var mount in Assert.Single(pod["containers"]!.AsArray())!["volumeMounts"]!.AsArray())
        {
            var volume = pod["volumes"]!.AsArray().Single(candidate => (string?)candidate!["name"] == (string?)mount!["name"])!;
            foreach (var item in volume["secret"]?["items"]?.AsArray() ?? [])
            {
                var mounted = $"{mount!["mountPath"]}/{item!["path"]}";
                var local = Path.Combine(directory.Path, ((string)mount["name"]!) + "-" + (string)item["path"]!);
                File.WriteAllText(local, (string?)mount["name"] == "database" ? "Host=db;Username=tokengov;Password=x" : "a-token");
                json = json.Replace(mounted, local, StringComparison.Ordinal);
            }
        }

        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddLogging().AddTokenGovernanceCore(configuration).BuildServiceProvider();
        var options = services.GetValidatedOptions();

        Assert.Equal(store == "postgres", services.GetRequiredService<IOptions<SchedulerOptions>>().Value.UsesPostgres);
        Assert.All(options.Targets, target => Assert.True(File.Exists(target.TokenFile), "the target reads the mounted token"));
        Assert.Equal("json", options.LogFormat);
    }

    [Fact]
    public async Task An_exposed_inventory_is_guarded_by_kubernetes_reviews_by_default()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/remediation-plan-values.yaml");

        var config = JsonNode.Parse((string)objects.Single("ConfigMap", "token-governance")["data"]!["tokengov.json"]!)!;
        Assert.Equal("kubernetes", (string?)config["TokenGovernance"]!["Http"]!["Authentication"]!["Mode"]);
        var delegator = objects.Single(item => (string?)item["kind"] == "ClusterRoleBinding" && (string?)item["roleRef"]!["name"] == "system:auth-delegator");
        Assert.Equal((string?)objects.Single("Deployment")["spec"]!["template"]!["spec"]!["serviceAccountName"], (string?)delegator["subjects"]![0]!["name"]);
        Assert.True((bool)objects.Single("Deployment")["spec"]!["template"]!["spec"]!["automountServiceAccountToken"]!);
        var reader = objects.Single(item => (string?)item["kind"] == "ClusterRole");
        Assert.Equal(["/tokens", "/report", "/metrics"], reader["rules"]![0]!["nonResourceURLs"]!.AsArray().Select(url => (string?)url));
        Assert.Equal(["get"], reader["rules"]![0]!["verbs"]!.AsArray().Select(verb => (string?)verb));

        // Nothing exposed: no authentication, no cluster-wide binding, no service account token in the pod.
        var minimal = await ChartRender.ObjectsAsync("-f", "ci/minimal-values.yaml");
        Assert.DoesNotContain(minimal, item => ((string?)item["kind"])?.StartsWith("Cluster", StringComparison.Ordinal) == true);
        Assert.Equal("none", (string?)JsonNode.Parse((string)minimal.Single("ConfigMap", "token-governance")["data"]!["tokengov.json"]!)!["TokenGovernance"]!["Http"]!["Authentication"]!["Mode"]);
    }

    [Fact]
    public async Task Bearer_mode_mounts_the_readers_secret_and_the_network_policy_admits_only_the_named_peers()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/bearer-values.yaml");

        var config = JsonNode.Parse((string)objects.Single("ConfigMap", "token-governance")["data"]!["tokengov.json"]!)!["TokenGovernance"]!["Http"]!["Authentication"]!;
        Assert.Equal("bearer", (string?)config["Mode"]);
        Assert.Equal(["/var/run/secrets/tokengovernance-readers/token"], config["TokenFiles"]!.AsArray().Select(file => (string?)file));
        var volume = objects.Single("Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Single(item => (string?)item!["name"] == "readers")!;
        Assert.Equal("tokengov-readers", (string?)volume["secret"]!["secretName"]);
        var from = objects.Single("NetworkPolicy")["spec"]!["ingress"]![0]!["from"]!.AsArray();
        Assert.Equal("monitoring", (string?)Assert.Single(from)!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public async Task Protected_metrics_give_the_service_monitor_its_authorization()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml", "--set", "http.authentication.protectMetrics=true",
            "--set", "serviceMonitor.authorization.type=Bearer", "--set", "serviceMonitor.authorization.credentials.name=prometheus-tokengov",
            "--set", "serviceMonitor.authorization.credentials.key=token");

        var endpoint = objects.Single("ServiceMonitor")["spec"]!["endpoints"]![0]!;
        Assert.Equal("Bearer", (string?)endpoint["authorization"]!["type"]);
        Assert.Equal("prometheus-tokengov", (string?)endpoint["authorization"]!["credentials"]!["name"]);
        Assert.True((bool)JsonNode.Parse((string)objects.Single("ConfigMap", "token-governance")["data"]!["tokengov.json"]!)!["TokenGovernance"]!["Http"]!["Authentication"]!["ProtectMetrics"]!);
    }

    [Fact]
    public async Task The_reference_role_reads_secrets_and_patches_them_only_when_asked()
    {
        static List<string?> SecretVerbs(List<JsonObject> objects) =>
            objects.Where(item => (string?)item["kind"] == "Role" && (string?)item["metadata"]!["namespace"] == "telemetry")
                .SelectMany(role => role["rules"]!.AsArray()).Where(rule => rule!["resources"]!.AsArray().Any(resource => (string?)resource == "secrets"))
                .SelectMany(rule => rule!["verbs"]!.AsArray()).Select(verb => (string?)verb).ToList();

        Assert.Equal(["get", "list"], SecretVerbs(await ChartRender.ObjectsAsync("-f", "ci/kubernetes-references-values.yaml")));
        Assert.Equal(["get", "list", "patch"], SecretVerbs(await ChartRender.ObjectsAsync("-f", "ci/kubernetes-references-values.yaml", "--set", "references.kubernetes.patchSecrets=true")));
    }

    [Fact]
    public async Task The_prometheus_rule_is_the_rules_file_with_the_values_applied()
    {
        var plain = YamlJson.Load(Path.Combine(RepositoryRoot.Path, "deploy", "prometheus", "token-governance-rules.yaml"))!;
        var defaults = (await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml")).Single("PrometheusRule");
        Assert.True(JsonNode.DeepEquals(plain["groups"], defaults["spec"]!["groups"]), "with default values the rule is the file as it is");

        var tuned = (await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml",
            "--set", "prometheusRule.scheduleIntervalMinutes=60", "--set", "prometheusRule.maxFindingAgeDays=7",
            "--set", "prometheusRule.for.TokenGovHighFindings=4h", "--set", "prometheusRule.runbookBaseUrl=https://wiki.example.com/tokens")).Single("PrometheusRule");
        var rules = tuned["spec"]!["groups"]![0]!["rules"]!.AsArray().ToDictionary(rule => (string)rule!["alert"]!, rule => rule!);
        Assert.EndsWith("> 3 * 60 * 60", (string)rules["TokenGovAuditStale"]["expr"]!, StringComparison.Ordinal);
        Assert.EndsWith("> 7 * 86400", (string)rules["TokenGovFindingOpenTooLong"]["expr"]!, StringComparison.Ordinal);
        Assert.Equal("4h", (string?)rules["TokenGovHighFindings"]["for"]);
        Assert.Equal("5m", (string?)rules["TokenGovCriticalFindings"]["for"]);
        Assert.All(rules.Values, rule => Assert.StartsWith("https://wiki.example.com/tokens#tokengov", (string)rule["annotations"]!["runbook_url"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_config_map_holds_the_dashboard_file()
    {
        var objects = await ChartRender.ObjectsAsync("-f", "ci/monitoring-on-values.yaml");

        var dashboard = objects.Single("ConfigMap", "-dashboard");
        Assert.Equal("1", (string?)dashboard["metadata"]!["labels"]!["grafana_dashboard"]);
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "token-governance.json")));
        Assert.True(JsonNode.DeepEquals(file, JsonNode.Parse((string)dashboard["data"]!["token-governance.json"]!)));
    }

    [Theory]
    [InlineData("ci/minimal-values.yaml", false)]
    [InlineData("ci/monitoring-on-values.yaml", true)]
    public async Task The_notes_tell_how_to_reach_metrics_readiness_and_findings(string values, bool monitoring)
    {
        // Helm prints NOTES.txt after install, not with the manifests: render a copy of the chart where it is a template.
        using var copy = new TempDirectory();
        CopyResolvingLinks(ChartRender.Chart, copy.Path);
        File.Move(Path.Combine(copy.Path, "templates", "NOTES.txt"), Path.Combine(copy.Path, "templates", "notes.txt"));

        var text = await ChartRender.TextAsync(copy.Path, "--raw", "-f", Path.Combine(ChartRender.Chart, values));

        var start = text.IndexOf("## token-governance/templates/notes.txt", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var notes = end < 0 ? text[start..] : text[start..end];
        Assert.Contains("port-forward service/release-name-token-governance 8080:8080", notes, StringComparison.Ordinal);
        Assert.Contains("curl -s localhost:8080/metrics", notes, StringComparison.Ordinal);
        Assert.Contains("curl -s localhost:8080/readyz", notes, StringComparison.Ordinal);
        Assert.Contains("tokengov_findings{", notes, StringComparison.Ordinal);
        Assert.Equal(monitoring, notes.Contains("PrometheusRule release-name-token-governance", StringComparison.Ordinal));
    }

    private static void CopyResolvingLinks(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
