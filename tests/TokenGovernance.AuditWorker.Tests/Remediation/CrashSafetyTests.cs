using System.Text.RegularExpressions;
using TokenGovernance.AuditWorker.Tests.References;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Remediation;

/// <summary>
/// <c>remediate apply</c> killed (SIGKILL: an OOM kill, a node drain) while each of its changing calls is in flight —
/// held by the server before it acts, or after it acted but before the answer — for every such call of a
/// deactivation and of a re-issue that rewrites a file and a Secret and restarts its readers. Afterwards running
/// <c>apply</c> again and, where it refuses, <c>rollback</c> converges: no second token for the same re-issue, no
/// created token that is written nowhere, every reference holding a working value, every change in the journal.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public partial class CrashSafetyTests
{
    private const string Namespace = "monitoring";

    public static TheoryData<HoldPoint> Points => new(HoldPoint.BeforeHandling, HoldPoint.AfterHandling);

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_deactivation_killed_at_any_call_converges(HoldPoint point)
    {
        for (var nth = 1; ; nth++)
        {
            await using var scenario = await Scenario.StartAsync(reissue: false);
            var plan = await RemediateCli.PlanAsync(scenario.Config, scenario.Directory.Path);
            if (!await scenario.KillApplyAtAsync(plan, scenario.Influx.Hold, nth, point))
            {
                Assert.True(nth > 3, $"only {nth - 1} changing calls were held: the plan deactivates three tokens");
                return;
            }

            await scenario.ConvergeAsync(plan, $"deactivation killed at change {nth} ({point})");
            var journal = RemediateCli.Lines(scenario.Journal);
            foreach (var writer in scenario.Writers)
            {
                Assert.Equal("inactive", writer.Status);
                Assert.Contains(journal, line => (string?)line["tokenId"] == writer.Id && (string?)line["action"] == "deactivate"
                    && (string?)line["outcome"] is "applied" or "already-done");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_reissue_killed_at_any_InfluxDB_call_converges(HoldPoint point) => await ReissueKilledAsync(point, kubernetes: false);

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_reissue_killed_at_any_Kubernetes_call_converges(HoldPoint point) => await ReissueKilledAsync(point, kubernetes: true);

    private static async Task ReissueKilledAsync(HoldPoint point, bool kubernetes)
    {
        for (var nth = 1; ; nth++)
        {
            await using var scenario = await Scenario.StartAsync(reissue: true);
            var plan = await RemediateCli.PlanAsync(scenario.Config, scenario.Directory.Path);
            var hold = kubernetes ? scenario.Kubernetes.Hold : scenario.Influx.Hold;
            if (!await scenario.KillApplyAtAsync(plan, hold, nth, point))
            {
                Assert.True(nth > 1, "no changing call was held");
                return;
            }

            var what = $"re-issue killed at {(kubernetes ? "Kubernetes" : "InfluxDB")} change {nth} ({point})";
            await scenario.ConvergeAsync(plan, what);
            scenario.AssertReissueConverged(what);
        }
    }

    /// <summary>One run's servers, files and configuration, made afresh for every kill.</summary>
    private sealed partial class Scenario : IAsyncDisposable
    {
        private readonly TestData _data;

        private Scenario(TestData data, InfluxApiDouble influx, FakeKubernetesApi kubernetes, TempDirectory directory, string config, string telegraf, bool reissue)
        {
            Reissue = reissue;
            _data = data;
            Influx = influx;
            Kubernetes = kubernetes;
            Directory = directory;
            Config = config;
            Telegraf = telegraf;
            Journal = Path.Combine(directory.Path, "journal.jsonl");
        }

        public InfluxApiDouble Influx { get; }

        public bool Reissue { get; }

        public FakeKubernetesApi Kubernetes { get; }

        public TempDirectory Directory { get; }

        public string Config { get; }

        public string Telegraf { get; }

        public string Journal { get; }

        public IEnumerable<DoubleAuthorization> Writers => _data.Data.Authorizations.Where(token => token.Description.EndsWith(" writer", StringComparison.Ordinal));

        private DoubleAuthorization Alice => _data.Data.Authorizations.Single(token => token.Description.StartsWith("alice writer", StringComparison.Ordinal) && token.UserId == _data.Alice.Id);

        public static async Task<Scenario> StartAsync(bool reissue)
        {
            var data = new TestData((builder, test) =>
            {
                builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
                if (!reissue)
                {
                    builder.Token(builder.User("bob"), test.Acme, "bob writer", permissions => permissions.Write(test.Telemetry));
                    builder.Token(builder.User("carol"), test.Acme, "carol writer", permissions => permissions.Write(test.Telemetry));
                }
            });
            var directory = new TempDirectory();
            var influx = await InfluxApiDouble.StartAsync(data.Data, InfluxDoubleMode.Oss27);
            var kubernetes = await FakeKubernetesApi.StartAsync(directory.Path);
            var alice = data.Data.Authorizations.Single(token => token.Description == "alice writer");
            var configs = System.IO.Directory.CreateDirectory(Path.Combine(directory.Path, "configs")).FullName;
            var telegraf = Path.Combine(configs, "telegraf.conf");
            await File.WriteAllTextAsync(telegraf, $"[[outputs.influxdb_v2]]\n  urls = [\"http://influxdb:8086\"]\n  token = \"{alice.Token}\"\n  organization = \"acme\"\n");
            kubernetes.Secrets[Namespace] = [FakeKubernetesApi.Secret(Namespace, "telegraf", new() { ["token"] = alice.Token })];
            kubernetes.Workloads[(Namespace, "deployments")] = [FakeKubernetesApi.Workload(Namespace, "telegraf", volumeSecret: "telegraf")];
            var references = reissue
                ? $$""", "References": {"Files": [{"Path": "{{configs}}"}], "Kubernetes": {"Enabled": true, "Namespaces": ["{{Namespace}}"], "ConfigMaps": false, "Kubeconfig": "{{kubernetes.Kubeconfig}}"} }"""
                : string.Empty;
            var remediation = reissue
                ? """{"Rules": {"TG2001": "reissue"}, "GraceDays": 0, "MaxPercentPerTarget": 100, "ServiceUser": "svc-telegraf", "RestartWorkloads": true}"""
                : """{"Rules": {"TG2001": "deactivate"}, "GraceDays": 0, "MaxPercentPerTarget": 100}""";
            var config = directory.File("config.json", $$"""
                {"TokenGovernance": {
                  "Targets": [{"Name": "prod", "Url": "{{influx.Url}}", "TokenFile": "{{directory.File("token", data.AuditToken.Token)}}"}],
                  "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 1},
                  "Policy": {"GenericUsers": {"Patterns": ["svc-.*"]} },
                  "Remediation": {{remediation}}{{references}} } }
                """);
            return new Scenario(data, influx, kubernetes, directory, config, telegraf, reissue);
        }

        /// <summary>Starts <c>apply</c>, kills it (SIGKILL) once <paramref name="hold"/> holds its N-th change; false when the run ended before.</summary>
        public async Task<bool> KillApplyAtAsync(string plan, RequestHold hold, int nth, HoldPoint point)
        {
            hold.Arm(nth, point);
            var reached = hold.Reached;
            using var apply = TokengovProcess.Start(["remediate", "apply", plan, "--config", Config, "--yes", "--journal", Journal]);
            var output = apply.StandardOutput.ReadToEndAsync();
            var errors = apply.StandardError.ReadToEndAsync();
            var exited = apply.WaitForExitAsync();
            var first = await Task.WhenAny(reached, exited, Task.Delay(TimeSpan.FromSeconds(120)));
            hold.Arm(0, point);
            if (first == exited)
            {
                Assert.True(apply.ExitCode == 0, $"the unheld apply failed ({apply.ExitCode}): {await errors}{await output}");
                return false;
            }

            Assert.True(first == reached, "apply neither reached the held call nor ended in 120 s");
            apply.Kill(entireProcessTree: true);
            await exited;
            return true;
        }

        /// <summary><c>apply</c> again with the same plan and journal; where it refuses, <c>rollback</c> from the journal.</summary>
        public async Task ConvergeAsync(string plan, string what)
        {
            var again = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", Config, "--yes", "--journal", Journal]);
            History = $"apply again: exit {again.ExitCode}: {again.StandardError.Trim()}";
            if (again.ExitCode == 0)
            {
                return;
            }

            // What rollback says it would do, before it does it: a re-issue cut off is named as such.
            var listed = await TokengovProcess.RunAsync(["remediate", "rollback", Journal, "--config", Config]);
            Assert.True(!Reissue || listed.StandardOutput.Contains("would undo the interrupted re-issue of token ", StringComparison.Ordinal),
                $"{what}: rollback lists no interrupted re-issue: {listed.StandardOutput}{listed.StandardError}");
            var rollback = await TokengovProcess.RunAsync(["remediate", "rollback", Journal, "--config", Config, "--yes"]);
            History += $"\nrollback: exit {rollback.ExitCode}: {rollback.StandardError.Trim()}";
            Assert.True(rollback.ExitCode == 0, $"{what}: apply again exited {again.ExitCode} ({again.StandardError.Trim()}), and rollback {rollback.ExitCode}: {rollback.StandardError.Trim()}");
        }

        /// <summary>What the converging runs said, and the journal, for failure messages.</summary>
        public string History { get; private set; } = string.Empty;

        public void AssertReissueConverged(string what)
        {
            what += "\n" + History + "\njournal:\n" + (File.Exists(Journal) ? File.ReadAllText(Journal) : "none") + "\n";
            var old = Alice;
            var copies = _data.Data.Authorizations.Where(token => token.Description.Contains($"re-issued from {old.Id}", StringComparison.Ordinal)).ToList();
            Assert.True(copies.Count <= 1, $"{what}: {copies.Count} tokens were created for one re-issue");

            var fileValue = TelegrafToken().Match(File.ReadAllText(Telegraf)).Groups[1].Value;
            var secretValue = Kubernetes.SecretValue(Namespace, "telegraf", "token");
            foreach (var (where, value) in new[] { ("the file", fileValue), ("the Secret", secretValue) })
            {
                Assert.True(_data.Data.Authorizations.Any(token => token.Token == value && token.Status == "active"), $"{what}: {where} holds no working token");
            }

            var lines = File.Exists(Journal) ? RemediateCli.Lines(Journal) : [];
            foreach (var created in copies.Where(token => token.Status == "active"))
            {
                Assert.True(fileValue == created.Token || secretValue == created.Token, $"{what}: the created token is written nowhere");
                Assert.True(lines.Any(line => (string?)line["newTokenId"] == created.Id && (string?)line["outcome"] == "applied"), $"{what}: the created token's re-issue is not journaled as applied");
            }

            if (old.Status == "inactive")
            {
                Assert.True(lines.Any(line => (string?)line["tokenId"] == old.Id && (string?)line["outcome"] == "applied"), $"{what}: the old token's deactivation is not journaled");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Kubernetes.DisposeAsync();
            await Influx.DisposeAsync();
            Directory.Dispose();
        }

        [GeneratedRegex("token = \"([^\"]*)\"")]
        private static partial Regex TelegrafToken();
    }
}
