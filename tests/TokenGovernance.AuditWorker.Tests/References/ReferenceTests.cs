using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.References;

public sealed class ReferenceTests : IDisposable
{
    private readonly TempDirectory _files = new();
    private DoubleAuthorization _working = null!, _inactive = null!, _orphanedOwner = null!;

    private TestData Data() => new((builder, test) =>
    {
        _working = builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
        _inactive = builder.Token(test.ServiceUser, test.Acme, "retired", permissions => permissions.Write(test.Telemetry));
        _inactive.Status = "inactive";
        var leaver = builder.User("leaver", status: "inactive");
        _orphanedOwner = builder.Token(leaver, test.Acme, "leaver's", permissions => permissions.Read(test.Telemetry));
    });

    public void Dispose() => _files.Dispose();

    private void WriteConfigs(TestData data)
    {
        _files.File("telegraf/telegraf.conf", $"[[outputs.influxdb_v2]]\n  urls = [\"http://influx:8086\"]\n  token = \"{_working.Token}\"\n");
        _files.File("telegraf/old.conf", $"[[outputs.influxdb_v2]]\n  token = \"{_inactive.Token}\"\n");
        _files.File("apps/.env", $"INFLUX_URL=http://influx:8086\nINFLUX_TOKEN=my-super-secret-admin-token\n");
        _files.File("apps/appsettings.json", $$"""{ "InfluxDB": { "Token": "{{_orphanedOwner.Token}}" } }""");
        _files.File("apps/placeholders.env", "INFLUX_TOKEN=${INFLUX_TOKEN}\nDOCKER_INFLUXDB_INIT_ADMIN_TOKEN=<token>\n");
        File.WriteAllBytes(Path.Combine(_files.Path, "apps", "binary.bin"), [0, 1, 2, .. System.Text.Encoding.UTF8.GetBytes("token = \"" + _working.Token + "\"")]);
        _files.File("apps/huge.conf", new string('#', 1024 * 1024) + "\ntoken = \"" + _working.Token + "\"\n");
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(_files.Path, "apps", "loop"), _files.Path);
        }
    }

    private static Dictionary<string, int> States(TargetAuditResult result) => result.References!.CountsByState;

    [Theory]
    [InlineData(InfluxDoubleMode.Oss27)]
    [InlineData(InfluxDoubleMode.Oss29)]
    [InlineData(InfluxDoubleMode.Cloud)]
    public async Task File_references_are_resolved_to_their_state(InfluxDoubleMode mode)
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(mode, data);
        WriteConfigs(data);
        harness.Settings["References:Files:0:Path"] = _files.Path;

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.Empty(result.References!.Errors);
        Assert.Equal(1, States(result)["working"]);
        Assert.Equal(1, States(result)["inactive"]);
        Assert.Equal(1, States(result)["unknown"]);
        Assert.Equal(1, States(result)["owner-gone"]);
        Assert.Equal(0, States(result)["unresolved"]);

        var inactive = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2002");
        Assert.EndsWith("telegraf/old.conf:2", inactive.Reference!.Location, StringComparison.Ordinal);
        Assert.Equal("file", inactive.Reference.Source);
        Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2011" && finding.Reference!.Location.EndsWith(".env:2", StringComparison.Ordinal));
        Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2012");
        Assert.Equal(4, result.Findings.Count(finding => finding.Rule.Id == "TG2013"));
        if (mode == InfluxDoubleMode.Oss27)
        {
            // Matched by fingerprint: the authorization is known, and no probe was needed for listed tokens.
            Assert.Equal(_inactive.Id, inactive.AuthorizationId);
            Assert.Equal(2, harness.Server.Faults.RequestCount("/api/v2/me"));
        }
        else
        {
            Assert.Equal(5, harness.Server.Faults.RequestCount("/api/v2/me"));
        }

        CanaryAssert.NoTokenIn(string.Join('\n', result.Findings.Select(finding => finding.Message + finding.Reference)), data.AllTokenValues.Append("my-super-secret-admin-token"), "reference findings");
        CanaryAssert.NoTokenIn(harness.Logs.Text, data.AllTokenValues.Append("my-super-secret-admin-token"), "logs");
    }

    [Fact]
    public async Task Secret_files_hold_bare_values_and_are_not_plaintext()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29, data);
        _files.File("secrets/influx-token", "user-chosen-setup-token\n");
        harness.Settings["References:Files:0:Path"] = Path.Combine(_files.Path, "secrets");
        harness.Settings["References:Files:0:Kind"] = "secret";

        var result = await harness.AuditAsync();

        Assert.Equal(1, States(result)["unknown"]);
        Assert.DoesNotContain(result.Findings, finding => finding.Rule.Id == "TG2013");
    }

    [Fact]
    public async Task Inventory_declares_references_by_authorization_id()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Cloud, data);
        var inventory = _files.File("inventory.json", $$"""
            [{"name": "billing-writer", "authorizationId": "{{_inactive.Id}}", "location": "vault:kv/billing/influx"},
             {"name": "ghost", "authorizationId": "0badbadbadbad000", "location": "vault:kv/ghost"},
             {"name": "telegraf", "authorizationId": "{{_working.Id}}", "location": "vault:kv/telegraf"}]
            """);
        harness.Settings["References:Inventory"] = inventory;

        var result = await harness.AuditAsync();

        var inactive = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2002");
        Assert.Equal(("inventory", "vault:kv/billing/influx"), (inactive.Reference!.Source, inactive.Reference.Location));
        Assert.Equal(_inactive.Id, inactive.AuthorizationId);
        Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2011" && finding.Reference!.Location == "vault:kv/ghost");
        Assert.Equal(1, States(result)["working"]);
        Assert.Equal(1, harness.Server.Faults.RequestCount("/api/v2/me"));
    }

    [Fact]
    public async Task Probes_stop_at_the_cap_and_the_rest_stays_unresolved()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29, data);
        for (var index = 0; index < 5; index++)
        {
            _files.File($"c{index}.env", $"INFLUX_TOKEN=unknown-token-{index}\n");
        }

        harness.Settings["References:Files:0:Path"] = _files.Path;
        harness.Settings["References:MaxProbes"] = "3";

        var result = await harness.AuditAsync();

        Assert.Equal(3, States(result)["unknown"]);
        Assert.Equal(2, States(result)["unresolved"]);
        Assert.Equal(1 + 3, harness.Server.Faults.RequestCount("/api/v2/me"));
        Assert.Contains("reached MaxProbes (3)", harness.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probing_can_be_turned_off()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29, data);
        _files.File("a.env", "INFLUX_TOKEN=some-token\n");
        harness.Settings["References:Files:0:Path"] = _files.Path;
        harness.Settings["References:Probe"] = "false";

        var result = await harness.AuditAsync();

        Assert.Equal(1, States(result)["unresolved"]);
        Assert.Equal(1, harness.Server.Faults.RequestCount("/api/v2/me"));
    }

    [Fact]
    public async Task A_failing_source_is_reported_and_the_others_go_on()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);
        _files.File("ok/telegraf.conf", $"token = \"{_inactive.Token}\"\n");
        harness.Settings["References:Files:0:Path"] = Path.Combine(_files.Path, "missing");
        harness.Settings["References:Files:1:Path"] = Path.Combine(_files.Path, "ok");

        var report = await harness.RunAsync();

        var result = Assert.Single(report.Targets);
        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.Contains("missing", Assert.Single(result.References!.Errors), StringComparison.Ordinal);
        Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2002");
        Assert.True(report.AnyTargetFailed, "a failed source must not leave the target looking clean");
        Assert.Equal(2, AuditWorker.Results.ExitCodes.For(report, Audit.Policy.Severity.High));
    }

    [Fact]
    public async Task Kubernetes_secrets_and_config_maps_are_paged_annotated_and_403_is_reported()
    {
        var data = Data();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29, data);
        await using var kubernetes = await FakeKubernetesApi.StartAsync(_files.Path);
        kubernetes.Secrets["telemetry"] =
        [
            FakeKubernetesApi.Secret("telemetry", "telegraf", new() { ["token"] = _working.Token }),
            FakeKubernetesApi.Secret("telemetry", "billing", new() { ["INFLUX_TOKEN"] = "declared-but-opaque" }, authorizationId: _inactive.Id),
            FakeKubernetesApi.Secret("telemetry", "tls", new() { ["tls.crt"] = "-----BEGIN CERTIFICATE-----" }),
        ];
        kubernetes.ConfigMaps["telemetry"] =
        [
            FakeKubernetesApi.ConfigMap("telemetry", "telegraf-config", new() { ["telegraf.conf"] = $"[[outputs.influxdb_v2]]\n  token = \"{_orphanedOwner.Token}\"\n" }),
        ];
        kubernetes.Forbidden.Add("restricted");
        harness.Settings["References:Kubernetes:Enabled"] = "true";
        harness.Settings["References:Kubernetes:Namespaces:0"] = "telemetry";
        harness.Settings["References:Kubernetes:Namespaces:1"] = "restricted";
        harness.Settings["References:Kubernetes:Kubeconfig"] = kubernetes.Kubeconfig;

        var result = await harness.AuditAsync();

        var states = string.Join(", ", States(result).Select(pair => pair.Key + "=" + pair.Value)) + " | " + string.Join(" | ", result.References!.Errors);
        Assert.True(States(result)["working"] == 1, states);
        Assert.Equal(1, States(result)["inactive"]);
        Assert.Equal(1, States(result)["owner-gone"]);
        var inactive = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2002");
        Assert.Equal(("kubernetes-secret", "telemetry/billing#INFLUX_TOKEN"), (inactive.Reference!.Source, inactive.Reference.Location));
        var plaintext = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2013");
        Assert.Equal(("kubernetes-configmap", "telemetry/telegraf-config#telegraf.conf"), (plaintext.Reference!.Source, plaintext.Reference.Location));
        Assert.Equal(2, result.References!.Errors.Count);
        Assert.All(result.References.Errors, error => Assert.Contains("403", error, StringComparison.Ordinal));
        Assert.True(kubernetes.Requests >= 3 + 1 + 2, "paged: one object per page");
    }
}
