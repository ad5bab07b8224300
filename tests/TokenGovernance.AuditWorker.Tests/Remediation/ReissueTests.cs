using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.References;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Remediation;

/// <summary>
/// <c>reissue</c> end to end, as a user runs it: alice's write token is used by a Telegraf config file and by a
/// Kubernetes Secret that a Deployment mounts and a DaemonSet reads; plan, apply, retire and roll back run the real
/// CLI against the double (OSS 2.7, so the audit ties each reference to the token by its fingerprint) and the fake
/// Kubernetes API. Afterwards the new value is in the file and the Secret only.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ReissueTests : IAsyncLifetime
{
    private const string Namespace = "monitoring";

    private readonly TempDirectory _directory = new();
    private TestData _data = null!;
    private InfluxApiDouble _server = null!;
    private FakeKubernetesApi _kubernetes = null!;
    private string _tokenFile = null!;
    private string _configs = null!;
    private string _telegrafConf = null!;
    private byte[] _originalConf = null!;

    public async Task InitializeAsync()
    {
        _data = new TestData((builder, test) =>
        {
            builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry).Read(test.Telemetry));
            builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
        });
        _server = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss27);
        _tokenFile = _directory.File("token", _data.AuditToken.Token);
        _configs = Directory.CreateDirectory(Path.Combine(_directory.Path, "configs")).FullName;
        _telegrafConf = Path.Combine(_configs, "telegraf.conf");
        await File.WriteAllTextAsync(_telegrafConf, $"""
            [[outputs.influxdb_v2]]
              urls = ["http://influxdb:8086"]
              token = "{Alice.Token}"
              organization = "acme"
            """);
        File.SetUnixFileMode(_telegrafConf, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        _originalConf = await File.ReadAllBytesAsync(_telegrafConf);

        _kubernetes = await FakeKubernetesApi.StartAsync(_directory.Path);
        _kubernetes.Secrets[Namespace] = [FakeKubernetesApi.Secret(Namespace, "telegraf", new() { ["token"] = Alice.Token, ["url"] = "http://influxdb:8086" })];
        _kubernetes.Workloads[(Namespace, "deployments")] = [FakeKubernetesApi.Workload(Namespace, "telegraf", volumeSecret: "telegraf")];
        _kubernetes.Workloads[(Namespace, "daemonsets")] = [FakeKubernetesApi.Workload(Namespace, "node-agent", envSecret: "telegraf")];
        _kubernetes.Workloads[(Namespace, "statefulsets")] = [FakeKubernetesApi.Workload(Namespace, "unrelated", volumeSecret: "other")];
    }

    public async Task DisposeAsync()
    {
        await _kubernetes.DisposeAsync();
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private DoubleAuthorization Alice => _data.Data.Authorizations.Single(authorization => authorization.Description.StartsWith("alice writer", StringComparison.Ordinal) && authorization.UserId == _data.Alice.Id);

    private DoubleAuthorization? Reissued => _data.Data.Authorizations.SingleOrDefault(authorization => authorization.UserId == _data.ServiceUser.Id && authorization.Description.Contains("re-issued from", StringComparison.Ordinal));

    private string Config(string? serviceUser = "\"svc-telegraf\"", bool restart = true, string files = "", string action = "reissue") =>
        _directory.File($"config-{Guid.NewGuid():N}.json", $$$"""
        {"TokenGovernance": {
          "Targets": [{"Name": "prod", "Url": "{{{_server.Url}}}", "TokenFile": "{{{_tokenFile}}}"}],
          "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 1},
          "Policy": {"GenericUsers": {"Patterns": ["svc-.*"]}},
          "References": {
            "Files": [{"Path": "{{{(files.Length == 0 ? _configs : files)}}}"}],
            "Kubernetes": {"Enabled": true, "Namespaces": ["{{{Namespace}}}"], "ConfigMaps": false, "Kubeconfig": "{{{_kubernetes.Kubeconfig}}}"}
          },
          "Remediation": {"Rules": {"TG2001": "{{{action}}}"}, "GraceDays": 0, "MaxPercentPerTarget": 100,
                          "ServiceUser": {{{serviceUser ?? "null"}}}, "RestartWorkloads": {{{(restart ? "true" : "false")}}}}
        }}
        """);

    private Task<string> PlanAsync(string config) => RemediateCli.PlanAsync(config, _directory.Path);

    private static List<JsonNode> Lines(string journal) => RemediateCli.Lines(journal);

    private static JsonNode ActionOf(string plan, string tokenId) =>
        JsonNode.Parse(File.ReadAllText(plan))!["actions"]!.AsArray().Single(action => (string?)action!["tokenId"] == tokenId)!;

    [Fact]
    public async Task Reissue_creates_the_token_for_the_service_user_rewires_file_and_secret_restarts_readers_and_retires_the_old_one()
    {
        var config = Config();
        var oldId = Alice.Id;
        var oldValue = Alice.Token;
        var plan = await PlanAsync(config);

        var planned = ActionOf(plan, oldId);
        Assert.Equal("reissue", (string?)planned["action"]);
        Assert.Equal("due", (string?)planned["state"]);
        Assert.Equal("svc-telegraf", (string?)planned["newToken"]!["serviceUserName"]);
        Assert.Equal($"alice writer (re-issued from {oldId})", (string?)planned["newToken"]!["description"]);
        Assert.Equal(
            Alice.Permissions.Select(permission => $"{permission.Action} {permission.Type} {permission.Id}").Order(),
            planned["newToken"]!["permissions"]!.AsArray().Select(permission => $"{permission!["action"]} {permission["resourceType"]} {permission["resourceId"]}").Order());
        Assert.Equal(
            [$"file {_telegrafConf}", $"kubernetes-secret {Namespace}/telegraf#token"],
            planned["references"]!.AsArray().Where(reference => (bool)reference!["rewrite"]!).Select(reference => $"{reference!["source"]} {reference["location"]}").Order());

        var dry = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config]);
        Assert.Contains($"would reissue token {oldId} on prod", dry.StandardOutput, StringComparison.Ordinal);
        Assert.Null(Reissued);

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var applied = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);
        Assert.True(applied.ExitCode == 0, applied.StandardError + applied.StandardOutput);

        // The new token: the service user's, same permissions, the planned description, and it works.
        var created = Reissued;
        Assert.NotNull(created);
        Assert.Equal("active", created.Status);
        Assert.Equal(_data.Acme.Id, created.OrgId);
        Assert.Equal(Alice.Permissions.Select(permission => permission.ToString()).Order(), created.Permissions.Select(permission => permission.ToString()).Order());

        // Written where the old one was, the old one kept beside it with the same mode, the rest of the file unchanged.
        Assert.Equal(System.Text.Encoding.UTF8.GetString(_originalConf).Replace(oldValue, created.Token, StringComparison.Ordinal), await File.ReadAllTextAsync(_telegrafConf));
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf + ".tokengov-previous"));
        Assert.Equal(File.GetUnixFileMode(_telegrafConf), File.GetUnixFileMode(_telegrafConf + ".tokengov-previous"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_telegrafConf));
        Assert.Equal(created.Token, _kubernetes.SecretValue(Namespace, "telegraf", "token"));
        Assert.Equal(oldValue, _kubernetes.SecretValue(Namespace, "telegraf", "token.tokengov-previous"));
        Assert.Equal("http://influxdb:8086", _kubernetes.SecretValue(Namespace, "telegraf", "url"));
        var secretPatch = Assert.Single(_kubernetes.Patches, patch => patch.Contains("/secrets/telegraf", StringComparison.Ordinal));
        Assert.StartsWith("application/merge-patch+json", secretPatch, StringComparison.Ordinal);
        Assert.Contains("\"resourceVersion\":\"1\"", secretPatch, StringComparison.Ordinal);

        // The Deployment that mounts it and the DaemonSet that reads it are restarted; the unrelated StatefulSet is not.
        Assert.NotNull(Annotation("deployments", "telegraf"));
        Assert.NotNull(Annotation("daemonsets", "node-agent"));
        Assert.Null(Annotation("statefulsets", "unrelated"));

        // The old token still works through the grace period, marked with its successor.
        Assert.Equal("active", Alice.Status);
        Assert.StartsWith($"alice writer (re-issued as {created.Id} at ", Alice.Description, StringComparison.Ordinal);

        // A line before the create says what is in flight (a run killed mid-way leaves it), one after it names the
        // token made, then the one that ends it.
        var lines = Lines(journal);
        Assert.Equal(["started", "started", "applied"], lines.Select(entry => (string?)entry["outcome"]));
        Assert.Contains("rewriting 2 reference(s)", (string?)lines[0]["reason"], StringComparison.Ordinal);
        Assert.Equal(["planned", "planned"], lines[0]["references"]!.AsArray().Select(reference => (string?)reference!["outcome"]));
        Assert.Equal(created.Id, (string?)lines[1]["newTokenId"]);
        var line = lines[2];
        Assert.Equal("reissue", (string?)line["action"]);
        Assert.Equal(created.Id, (string?)line["newTokenId"]);
        Assert.Equal(TokenDetection.TokenRedaction.Fingerprint(created.Token), (string?)line["newFingerprint"]);
        Assert.Equal(["file", "kubernetes-secret"], line["references"]!.AsArray().Select(reference => (string?)reference!["source"]).Order());
        Assert.All(line["references"]!.AsArray(), reference => Assert.Equal("rewritten", (string?)reference!["outcome"]));
        Assert.Equal(["DaemonSet node-agent", "Deployment telegraf"], line["workloads"]!.AsArray().Select(workload => $"{workload!["kind"]} {workload["name"]}").Order());

        // Grace over (0 days): the next plan retires the old token and removes the previous copies.
        var retirePlan = await PlanAsync(config);
        var retire = ActionOf(retirePlan, oldId);
        Assert.Equal("deactivate", (string?)retire["action"]);
        Assert.Equal(created.Id, (string?)retire["reissuedAs"]);
        Assert.Equal(
            [$"file {_telegrafConf}.tokengov-previous", $"kubernetes-secret {Namespace}/telegraf#token.tokengov-previous"],
            retire["references"]!.AsArray().Select(reference => $"{reference!["source"]} {reference["location"]}").Order());
        Assert.Null(ActionOf(retirePlan, oldId)["newToken"]);
        var retired = await TokengovProcess.RunAsync(["remediate", "apply", retirePlan, "--config", config, "--yes", "--journal", journal]);
        Assert.True(retired.ExitCode == 0, retired.StandardError);
        Assert.Equal("inactive", Alice.Status);
        Assert.Equal("active", created.Status);
        Assert.False(File.Exists(_telegrafConf + ".tokengov-previous"));
        Assert.Null(_kubernetes.SecretValue(Namespace, "telegraf", "token.tokengov-previous"));
        Assert.All(Lines(journal)[3]["references"]!.AsArray(), reference => Assert.Equal("removed", (string?)reference!["outcome"]));

        // The new value is in the file and the Secret, and nowhere tokengov wrote or said anything: not in the audit
        // that now finds it in both, nor in the token listing.
        var audit = await TokengovProcess.RunAsync(["audit", "--config", config, "--format", "json", "--fail-on", "none"]);
        var listing = await TokengovProcess.RunAsync(["tokens", "--config", config, "--format", "json"]);
        Assert.True(audit.ExitCode == 0, audit.StandardError);
        Assert.Contains(TokenDetection.TokenRedaction.Fingerprint(created.Token), listing.StandardOutput, StringComparison.Ordinal);
        var everyValue = _data.AllTokenValues.Append(created.Token).ToList();
        foreach (var (text, where) in new[]
        {
            (File.ReadAllText(plan), "plan"), (File.ReadAllText(retirePlan), "retire plan"), (File.ReadAllText(journal), "journal"),
            (applied.StandardOutput + applied.StandardError, "apply output"), (dry.StandardOutput + dry.StandardError, "dry run"),
            (retired.StandardOutput + retired.StandardError, "retire output"), (string.Join('\n', _server.Requests), "request URLs"),
            (audit.StandardOutput + audit.StandardError, "audit after the re-issue"), (listing.StandardOutput + listing.StandardError, "token listing"),
        })
        {
            CanaryAssert.NoTokenIn(text, everyValue, where);
        }

        var holders = Directory.EnumerateFiles(_directory.Path, "*", SearchOption.AllDirectories).Where(file => File.ReadAllText(file).Contains(created.Token, StringComparison.Ordinal));
        Assert.Equal([_telegrafConf], holders);
    }

    [Fact]
    public async Task On_OSS_29_an_annotated_secret_is_rewired_by_its_declared_id_and_a_file_is_not_tied_to_the_token()
    {
        // OSS ≥ 2.9 lists no values: a probe says a value works, not which token it is; the annotation does.
        _server.Mode = InfluxDoubleMode.Oss29;
        var secret = _kubernetes.SecretNamed(Namespace, "telegraf");
        secret["metadata"]!["annotations"] = new JsonObject { ["tokengovernance.io/authorization-id"] = Alice.Id };
        var config = Config(restart: false);
        var plan = await PlanAsync(config);

        var planned = ActionOf(plan, Alice.Id);
        Assert.Equal("due", (string?)planned["state"]);
        var reference = Assert.Single(planned["references"]!.AsArray());
        Assert.Equal(("kubernetes-secret", $"{Namespace}/telegraf#token", true), ((string?)reference!["source"], (string?)reference["location"], (bool)reference["rewrite"]!));

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var applied = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);
        Assert.True(applied.ExitCode == 0, applied.StandardError);
        Assert.Equal(Reissued!.Token, _kubernetes.SecretValue(Namespace, "telegraf", "token"));
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf));
    }

    [Fact]
    public async Task On_Cloud_the_server_decides_and_its_refusal_fails_the_reissue_before_anything_is_written()
    {
        // Cloud's authorizer is not public: tokengov does not guess, it asks, and a refused create changes nothing.
        _server.Mode = InfluxDoubleMode.Cloud;
        _kubernetes.SecretNamed(Namespace, "telegraf")["metadata"]!["annotations"] = new JsonObject { ["tokengovernance.io/authorization-id"] = Alice.Id };
        var config = Config(restart: false);
        var plan = await PlanAsync(config);
        Assert.True((string?)ActionOf(plan, Alice.Id)["state"] == "due", ActionOf(plan, Alice.Id).ToJsonString());
        lock (_server.DataLock)
        {
            _data.AuditToken.Permissions.RemoveAll(permission => permission.Type == "users" && permission.Action == "write");
        }

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(2, exitCode);
        Assert.Contains("POST /api/v2/authorizations", _server.Requests);
        Assert.Null(Reissued);
        Assert.Equal(Alice.Token, _kubernetes.SecretValue(Namespace, "telegraf", "token"));
        Assert.Empty(_kubernetes.Patches);
        var reason = (string?)Lines(journal).Last()["reason"];
        Assert.StartsWith("creating the new token failed, nothing was changed: POST /api/v2/authorizations", reason, StringComparison.Ordinal);
        Assert.Contains($"write:users/{_data.ServiceUser.Id} is unauthorized", reason, StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(File.ReadAllText(journal) + stderr, _data.AllTokenValues, "refused create");
    }

    [Fact]
    public async Task A_reissued_token_is_retired_with_its_copies_even_when_its_rule_is_switched_to_deactivate()
    {
        var config = Config(restart: false);
        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        Assert.Equal(0, (await TokengovProcess.RunAsync(["remediate", "apply", await PlanAsync(config), "--config", config, "--yes", "--journal", journal])).ExitCode);

        var retire = ActionOf(await PlanAsync(Config(restart: false, action: "deactivate")), Alice.Id);

        Assert.Equal(("deactivate", Reissued!.Id), ((string?)retire["action"], (string?)retire["reissuedAs"]));
        Assert.Equal(2, retire["references"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_mark_the_named_token_does_not_confirm_is_no_reason_to_retire()
    {
        // Anyone who may edit a token's description can write the mark; the successor it names must say it too.
        lock (_server.DataLock)
        {
            Alice.Description = $"alice writer (re-issued as {_data.AuditToken.Id} at 2020-01-01T00:00:00Z)";
        }

        var planned = ActionOf(await PlanAsync(Config()), Alice.Id);

        Assert.Equal("reissue", (string?)planned["action"]);
        Assert.Null((string?)planned["reissuedAs"]);
    }

    [Fact]
    public async Task A_single_file_source_still_finds_its_previous_copy_when_the_old_token_is_retired()
    {
        var config = Config(restart: false, files: _telegrafConf);
        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        Assert.Equal(0, (await TokengovProcess.RunAsync(["remediate", "apply", await PlanAsync(config), "--config", config, "--yes", "--journal", journal])).ExitCode);
        Assert.True(File.Exists(_telegrafConf + ".tokengov-previous"));

        var retirePlan = await PlanAsync(config);
        Assert.Contains($"file {_telegrafConf}.tokengov-previous",
            ActionOf(retirePlan, Alice.Id)["references"]!.AsArray().Select(reference => $"{reference!["source"]} {reference["location"]}"));
        Assert.Equal(0, (await TokengovProcess.RunAsync(["remediate", "apply", retirePlan, "--config", config, "--yes", "--journal", journal])).ExitCode);
        Assert.False(File.Exists(_telegrafConf + ".tokengov-previous"));
        Assert.Equal("inactive", Alice.Status);
    }

    [Fact]
    public async Task Two_keys_of_one_secret_are_both_rewritten_and_its_readers_restarted_once()
    {
        // Both keys are read before either is written: the second patch must not take the first for someone else's change.
        _kubernetes.Secrets[Namespace] = [FakeKubernetesApi.Secret(Namespace, "telegraf", new() { ["token"] = Alice.Token, ["INFLUX_TOKEN"] = Alice.Token })];
        var config = Config(files: Path.Combine(_directory.Path, "nothing-here"));
        Directory.CreateDirectory(Path.Combine(_directory.Path, "nothing-here"));
        var journal = Path.Combine(_directory.Path, "journal.jsonl");

        var applied = await TokengovProcess.RunAsync(["remediate", "apply", await PlanAsync(config), "--config", config, "--yes", "--journal", journal]);

        Assert.True(applied.ExitCode == 0, applied.StandardError);
        var created = Reissued!;
        Assert.Equal([created.Token, created.Token], new[] { "token", "INFLUX_TOKEN" }.Select(key => _kubernetes.SecretValue(Namespace, "telegraf", key)));
        Assert.Equal(["DaemonSet node-agent", "Deployment telegraf"], Lines(journal).Last()["workloads"]!.AsArray().Select(workload => $"{workload!["kind"]} {workload["name"]}").Order());
        Assert.Equal(2, _kubernetes.Patches.Count(patch => patch.Contains("/apis/apps/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rollback_puts_every_reference_back_deletes_the_new_token_and_restores_the_old_description()
    {
        var config = Config(restart: false);
        var oldId = Alice.Id;
        var plan = await PlanAsync(config);
        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        Assert.Equal(0, (await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal])).ExitCode);
        var created = Reissued!;
        Assert.DoesNotContain(_kubernetes.Patches, patch => patch.Contains("/apis/apps/", StringComparison.Ordinal));

        var listed = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config]);
        Assert.Contains($"would undo the re-issue of token {oldId} on prod", listed.StandardOutput, StringComparison.Ordinal);
        Assert.NotNull(Reissued);

        var rolledBack = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config, "--yes"]);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardError);
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf));
        Assert.False(File.Exists(_telegrafConf + ".tokengov-previous"));
        Assert.Equal(Alice.Token, _kubernetes.SecretValue(Namespace, "telegraf", "token"));
        Assert.Null(_kubernetes.SecretValue(Namespace, "telegraf", "token.tokengov-previous"));
        Assert.DoesNotContain(_data.Data.Authorizations, authorization => authorization.Id == created.Id);
        Assert.Equal("alice writer", Alice.Description);
        Assert.Equal("active", Alice.Status);
        var undo = Lines(journal).Last();
        Assert.Equal("undo-reissue", (string?)undo["action"]);
        Assert.Equal("applied", (string?)undo["outcome"]);
        Assert.All(undo["references"]!.AsArray(), reference => Assert.Equal("restored", (string?)reference!["outcome"]));
        CanaryAssert.NoTokenIn(File.ReadAllText(journal) + rolledBack.StandardError + listed.StandardOutput, _data.AllTokenValues.Append(created.Token), "rollback");
    }

    [Theory]
    [InlineData(409)]
    [InlineData(500)]
    public async Task A_secret_patch_that_fails_after_the_create_deletes_the_new_token_and_puts_the_file_back(int status)
    {
        var config = Config();
        var oldId = Alice.Id;
        var plan = await PlanAsync(config);
        if (status == 409)
        {
            _kubernetes.BeforeSecretPatch = secret => FakeKubernetesApi.Bump(secret);
        }
        else
        {
            _kubernetes.FailNextPatch["telegraf"] = status;
        }

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(2, exitCode);
        Assert.Contains("1 failed", stderr, StringComparison.Ordinal);
        Assert.Contains("POST /api/v2/authorizations", _server.Requests);
        Assert.Null(Reissued);
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf));
        Assert.False(File.Exists(_telegrafConf + ".tokengov-previous"));
        Assert.Equal(Alice.Token, _kubernetes.SecretValue(Namespace, "telegraf", "token"));
        Assert.Null(_kubernetes.SecretValue(Namespace, "telegraf", "token.tokengov-previous"));
        Assert.Equal("alice writer", Alice.Description);
        Assert.DoesNotContain(_kubernetes.Patches, patch => patch.Contains("/apis/apps/", StringComparison.Ordinal));

        Assert.Equal(["started", "started", "failed"], Lines(journal).Select(entry => (string?)entry["outcome"]));
        var line = Lines(journal)[2];
        Assert.Equal(oldId, (string?)line["tokenId"]);
        var reason = (string?)line["reason"];
        Assert.Contains($"Secret {Namespace}/telegraf#token: the Kubernetes API answered {status}", reason, StringComparison.Ordinal);
        Assert.Contains($"the new token {(string?)line["newTokenId"]} was deleted again", reason, StringComparison.Ordinal);
        Assert.Contains("were put back", reason, StringComparison.Ordinal);
        Assert.Contains(line["references"]!.AsArray(), reference => (string?)reference!["source"] == "file" && (string?)reference["outcome"] == "restored");
        CanaryAssert.NoTokenIn(File.ReadAllText(journal) + stderr, _data.AllTokenValues, "failed re-issue");
    }

    [Fact]
    public async Task A_create_that_failed_after_the_server_made_the_token_deletes_it_again()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        _server.FailCreateAfterMaking = true;

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, _) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(2, exitCode);
        Assert.Single(_server.Requests, call => call == "POST /api/v2/authorizations");
        Assert.Null(Reissued);
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf));
        Assert.Empty(_kubernetes.Patches);
        var reason = (string?)Lines(journal).Last()["reason"];
        Assert.Contains("though the server made it: token ", reason, StringComparison.Ordinal);
        Assert.Contains("was deleted again; no reference was changed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_changed_since_the_plan_refuses_the_reissue_before_anything_is_created()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        await File.WriteAllTextAsync(_telegrafConf, "[[outputs.influxdb_v2]]\n  token = \"$INFLUX_TOKEN\"\n");

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, _) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("POST /api/v2/authorizations", _server.Requests);
        Assert.Empty(_kubernetes.Patches);
        var line = Assert.Single(Lines(journal));
        Assert.Equal("refused", (string?)line["outcome"]);
        Assert.Contains($"file '{_telegrafConf}' no longer holds the value the plan saw there", (string?)line["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_left_by_an_interrupted_reissue_refuses_the_next_one_instead_of_making_a_second()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        lock (_server.DataLock)
        {
            // What a run killed after its create leaves: the service user's token with the planned description.
            _data.Data.Authorizations.Add(new DoubleAuthorization
            {
                Id = "0ffe0ffe0ffe0ffe", Token = InfluxDataSetBuilder.NewTokenValue(), OrgId = _data.Acme.Id, UserId = _data.ServiceUser.Id,
                Description = $"alice writer (re-issued from {Alice.Id})", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            _data.Data.Changed();
        }

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, _) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("POST /api/v2/authorizations", _server.Requests);
        Assert.Contains("(0ffe0ffe0ffe0ffe): an earlier re-issue was interrupted", (string?)Assert.Single(Lines(journal))["reason"], StringComparison.Ordinal);
        Assert.Equal(_originalConf, await File.ReadAllBytesAsync(_telegrafConf));
    }

    [Fact]
    public async Task An_all_access_token_is_not_handed_to_the_service_user()
    {
        // Its permissions include write on users/<alice>: the service user must not get them.
        var allAccess = new DoubleAuthorization
        {
            Id = "0aaa0aaa0aaa0aaa", Token = InfluxDataSetBuilder.NewTokenValue(), OrgId = _data.Acme.Id, UserId = _data.Alice.Id,
            Description = "alice's All Access API Token", CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
        };
        allAccess.Permissions.AddRange([new DoublePermission("read", "users", _data.Alice.Id, _data.Acme.Id), new DoublePermission("write", "users", _data.Alice.Id, _data.Acme.Id),
            new DoublePermission("read", "buckets", OrgId: _data.Acme.Id), new DoublePermission("write", "buckets", OrgId: _data.Acme.Id)]);
        lock (_server.DataLock)
        {
            _data.Data.Authorizations.Add(allAccess);
        }

        await File.AppendAllTextAsync(_telegrafConf, $"\n[[outputs.influxdb_v2]]\n  token = \"{allAccess.Token}\"\n");

        var planned = ActionOf(await PlanAsync(Config()), allAccess.Id);

        Assert.Equal("refused", (string?)planned["state"]);
        Assert.StartsWith($"its permissions name its owner (users/{_data.Alice.Id})", (string?)planned["reason"], StringComparison.Ordinal);
        Assert.Null(planned["newToken"]);
    }

    [Fact]
    public async Task A_missing_or_inactive_service_user_is_refused_in_the_plan()
    {
        var missing = JsonNode.Parse(File.ReadAllText(await PlanAsync(Config(serviceUser: "\"svc-nobody\""))))!["actions"]!.AsArray().Single()!;
        Assert.Equal("refused", (string?)missing["state"]);
        Assert.Equal("the service user 'svc-nobody' does not exist on target 'prod' (or the audit token cannot see it)", (string?)missing["reason"]);

        lock (_server.DataLock)
        {
            _data.ServiceUser.Status = "inactive";
        }

        var inactive = JsonNode.Parse(File.ReadAllText(await PlanAsync(Config())))!["actions"]!.AsArray().Single(action => (string?)action!["action"] == "reissue")!;
        Assert.Equal("refused", (string?)inactive["state"]);
        Assert.Equal("the service user 'svc-telegraf' on target 'prod' is inactive: a token created for it would not work", (string?)inactive["reason"]);
        Assert.Null(inactive["newToken"]);
    }

    [Fact]
    public async Task An_audit_token_that_may_not_create_for_the_service_user_is_refused_with_what_it_lacks()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        lock (_server.DataLock)
        {
            // The audit token becomes an all-access token of its own user: org-wide rights, users/{own id} only.
            _data.AuditToken.Permissions.Clear();
            _data.AuditToken.Permissions.AddRange(
            [
                new DoublePermission("read", "authorizations"), new DoublePermission("write", "authorizations", OrgId: _data.Acme.Id),
                new DoublePermission("read", "users"), new DoublePermission("write", "users", _data.Admin.Id, _data.Acme.Id),
                new DoublePermission("read", "buckets", OrgId: _data.Acme.Id), new DoublePermission("write", "buckets", OrgId: _data.Acme.Id),
                new DoublePermission("read", "orgs", _data.Acme.Id),
            ]);
        }

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var (exitCode, _, _) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("POST /api/v2/authorizations", _server.Requests);
        var reason = (string?)Assert.Single(Lines(journal))["reason"];
        Assert.StartsWith($"the audit token may not create a token for the service user 'svc-telegraf': it lacks write:users/{_data.ServiceUser.Id}", reason, StringComparison.Ordinal);
        Assert.Contains("an all-access token creates tokens for its own user only", reason, StringComparison.Ordinal);
    }

    private string? Annotation(string kind, string name) =>
        (string?)_kubernetes.Workloads[(Namespace, kind)].Single(workload => (string?)workload["metadata"]!["name"] == name)["spec"]!["template"]!["metadata"]!["annotations"]?["kubectl.kubernetes.io/restartedAt"];
}
