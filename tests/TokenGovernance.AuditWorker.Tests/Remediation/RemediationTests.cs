using System.Text.Json;
using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Remediation;

/// <summary>
/// <c>tokengov remediate plan|apply|rollback</c> as a user runs them, against one double that keeps its state between
/// the commands: nothing changes without --yes, deactivation is read back and journaled, drift and caps are refused,
/// protected tokens are never touched, a second apply changes nothing, rollback undoes, and no value is written.
/// </summary>
public class RemediationTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestData _data = null!;
    private InfluxApiDouble _server = null!;
    private string _tokenFile = null!;

    public async Task InitializeAsync()
    {
        _data = new TestData((builder, test) =>
        {
            var bob = builder.User("bob", status: "inactive");
            var carol = builder.User("carol");
            builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(bob, test.Acme, "bob writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(carol, test.Acme, "carol writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
            builder.Token(test.Admin, test.Acme, "admin's own writer", permissions => permissions.Write(test.Telemetry));
        });
        _server = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss29);
        _tokenFile = _directory.File("token", _data.AuditToken.Token);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private string Config(string remediation = """{"Rules": {"TG2001": "deactivate"}, "GraceDays": 0, "MaxPercentPerTarget": 100}""") =>
        _directory.File($"config-{Guid.NewGuid():N}.json", $$$"""
        {"TokenGovernance": {
          "Targets": [{"Name": "prod", "Url": "{{{_server.Url}}}", "TokenFile": "{{{_tokenFile}}}"}],
          "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 1},
          "Policy": {"GenericUsers": {"Patterns": ["svc-.*"]}},
          "Remediation": {{{remediation}}}
        }}
        """);

    private DoubleAuthorization Token(string description) => _data.Data.Authorizations.Single(authorization => authorization.Description == description);

    private int Patches => _server.Requests.Count(call => call.StartsWith("PATCH ", StringComparison.Ordinal));

    [Fact]
    public async Task Plan_apply_reapply_and_rollback_do_exactly_what_the_plan_says()
    {
        var config = Config();
        var plan = Path.Combine(_directory.Path, "plan.json");
        var planned = await TokengovProcess.RunAsync(["remediate", "plan", "--config", config, "--output", plan]);
        Assert.True(planned.ExitCode == 0, planned.StandardError);
        using (var document = JsonDocument.Parse(File.ReadAllText(plan)))
        {
            var actions = document.RootElement.GetProperty("actions").EnumerateArray().ToList();
            Assert.Equal(["alice writer", "bob writer", "carol writer"], actions.Select(action => action.GetProperty("description").GetString()).Order());
            Assert.All(actions, action => Assert.Equal("due", action.GetProperty("state").GetString()));
            var skipped = document.RootElement.GetProperty("skipped").EnumerateArray().Select(item => item.GetProperty("tokenId").GetString()).ToList();
            Assert.Contains(_data.AuditToken.Id, skipped);
            Assert.Contains(Token("admin's own writer").Id, skipped);
        }

        // Without --yes: what it would do, and nothing changes.
        var dry = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config]);
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains($"would deactivate token {Token("alice writer").Id} on prod (TG2001", dry.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, Patches);
        Assert.All(_data.Data.Authorizations, authorization => Assert.Equal("active", authorization.Status));

        var journal = Path.Combine(_directory.Path, "journal.jsonl");
        var applied = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);
        Assert.True(applied.ExitCode == 0, applied.StandardError);
        Assert.Equal(["inactive", "inactive", "inactive"], new[] { "alice writer", "bob writer", "carol writer" }.Select(name => Token(name).Status));
        Assert.Equal(["active", "active", "active"], new[] { "telegraf", "admin's own writer", "audit" }.Select(name => Token(name).Status));
        var lines = Lines(journal);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal("applied", (string?)line["outcome"]);
            Assert.Equal("admin", (string?)line["actor"]);
            Assert.Equal("active", (string?)line["before"]!["status"]);
            Assert.Equal("inactive", (string?)line["after"]!["status"]);
            Assert.StartsWith("sha256:", (string?)line["planDigest"], StringComparison.Ordinal);
        });

        // The same plan again changes nothing.
        var patches = Patches;
        var again = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(patches, Patches);
        Assert.All(Lines(journal).Skip(3), line => Assert.Equal("already-done", (string?)line["outcome"]));

        var rolledBack = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config, "--yes"]);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardError);
        Assert.All(_data.Data.Authorizations, authorization => Assert.Equal("active", authorization.Status));
        Assert.Equal(3, Lines(journal).Count(line => (string?)line["action"] == "reactivate" && (string?)line["outcome"] == "applied"));

        foreach (var text in new[] { File.ReadAllText(plan), File.ReadAllText(journal), planned.StandardError, applied.StandardError, dry.StandardOutput, rolledBack.StandardError })
        {
            CanaryAssert.NoTokenIn(text, _data.AllTokenValues, "remediation output");
        }
    }

    [Fact]
    public async Task A_token_changed_or_deleted_since_the_plan_is_refused_and_the_rest_applied()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        lock (_server.DataLock)
        {
            Token("alice writer").UpdatedAt = TestData.Now;
            Token("bob writer").Permissions.Add(new DoublePermission("read", "buckets", _data.Telemetry.Id, _data.Acme.Id));
            _data.Data.Authorizations.Remove(Token("carol writer"));
        }

        var journal = Path.Combine(_directory.Path, "drift.jsonl");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(1, exitCode);
        Assert.Contains("3 refused", stderr, StringComparison.Ordinal);
        var reasons = Lines(journal).ToDictionary(line => (string)line["tokenId"]!, line => (string?)line["reason"]);
        Assert.StartsWith("the token changed since the plan (updatedAt", reasons[Token("alice writer").Id], StringComparison.Ordinal);
        Assert.Equal("the token's permissions changed since the plan", reasons[Token("bob writer").Id]);
        Assert.Single(reasons, pair => pair.Value == "the token is gone (deleted since the plan)");
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task Rollback_refuses_a_token_changed_since_it_was_deactivated()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        var journal = Path.Combine(_directory.Path, "rollback.jsonl");
        Assert.Equal(0, (await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal])).ExitCode);
        lock (_server.DataLock)
        {
            Token("bob writer").UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(5);
        }

        var listed = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(3, listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.StartsWith("would reactivate token", StringComparison.Ordinal)));
        Assert.Equal("inactive", Token("alice writer").Status);

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config, "--yes"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("2 applied, 1 refused", stderr, StringComparison.Ordinal);
        Assert.Equal(("active", "inactive", "active"), (Token("alice writer").Status, Token("bob writer").Status, Token("carol writer").Status));
        Assert.StartsWith("the token changed since it was deactivated", (string?)Lines(journal).Last(line => (string?)line["tokenId"] == Token("bob writer").Id)["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caps_refuse_the_whole_target_before_any_call()
    {
        var config = Config("""{"Rules": {"TG2001": "deactivate"}, "GraceDays": 0, "MaxActionsPerTarget": 2, "MaxPercentPerTarget": 100}""");
        var plan = await PlanAsync(config);
        using (var document = JsonDocument.Parse(File.ReadAllText(plan)))
        {
            Assert.All(document.RootElement.GetProperty("actions").EnumerateArray(), action => Assert.Equal("refused", action.GetProperty("state").GetString()));
            Assert.Contains("would have 3 due actions, more than Remediation:MaxActionsPerTarget (2)", document.RootElement.GetProperty("targets")[0].GetProperty("refused").GetString(), StringComparison.Ordinal);
        }

        _server.Requests.Clear();
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", Path.Combine(_directory.Path, "capped.jsonl")]);

        // Refused whole when planned: apply names each refusal and exits 1, so that plan-then-apply does not pass.
        Assert.True(exitCode == 1, $"exit {exitCode}: {stderr}");
        Assert.Contains("tokengov: apply: 3 refused; journal: ", stderr, StringComparison.Ordinal);
        Assert.Equal(3, stderr.Split('\n').Count(line => line.StartsWith("tokengov: not applied: deactivate of token ", StringComparison.Ordinal)
            && line.Contains("refused when the plan was made: target 'prod' would have 3 due actions, more than Remediation:MaxActionsPerTarget (2)", StringComparison.Ordinal)));
        Assert.Equal(["refused", "refused", "refused"], Lines(Path.Combine(_directory.Path, "capped.jsonl")).Select(line => (string?)line["outcome"]));
        Assert.DoesNotContain(_server.Requests, call => call.StartsWith("PATCH", StringComparison.Ordinal) || call.StartsWith("GET /api/v2/authorizations/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Protected_tokens_are_never_planned_and_a_grace_period_keeps_actions_pending()
    {
        var config = Config("""{"Rules": {"TG2001": "deactivate", "TG2005": "deactivate"}, "GraceDays": 7, "MaxPercentPerTarget": 100, "Protect": {"Users": ["carol"], "DescriptionPatterns": ["bob .*"]}}""");
        var plan = await PlanAsync(config);

        using var document = JsonDocument.Parse(File.ReadAllText(plan));
        var action = Assert.Single(document.RootElement.GetProperty("actions").EnumerateArray());
        Assert.Equal(Token("alice writer").Id, action.GetProperty("tokenId").GetString());
        Assert.Equal("pending", action.GetProperty("state").GetString());
        var reasons = document.RootElement.GetProperty("skipped").EnumerateArray().ToDictionary(item => item.GetProperty("tokenId").GetString()!, item => item.GetProperty("reason").GetString()!);
        Assert.Equal("an operator token: always protected", reasons[_data.AuditToken.Id]);
        Assert.Equal("its owner 'carol' is listed in Remediation:Protect:Users", reasons[Token("carol writer").Id]);
        Assert.Equal("its description matches Remediation:Protect:DescriptionPatterns:0", reasons[Token("bob writer").Id]);
        Assert.StartsWith("owned by the audit token's user 'admin'", reasons[Token("admin's own writer").Id], StringComparison.Ordinal);

        var (exitCode, _, _) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", Path.Combine(_directory.Path, "pending.jsonl")]);
        Assert.Equal(0, exitCode);
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task A_call_that_fails_midway_leaves_a_journal_of_what_was_and_was_not_done()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        var order = JsonDocument.Parse(File.ReadAllText(plan)).RootElement.GetProperty("actions").EnumerateArray().Select(action => action.GetProperty("tokenId").GetString()!).ToList();
        _server.Faults.Add(new Fault("/api/v2/authorizations/" + order[1], FaultKind.ServiceUnavailable));

        var journal = Path.Combine(_directory.Path, "midway.jsonl");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", journal]);

        Assert.Equal(2, exitCode);
        Assert.Contains("1 applied, 1 failed, 1 not-attempted", stderr, StringComparison.Ordinal);
        Assert.Equal(["applied", "failed", "not-attempted"], Lines(journal).Select(line => (string?)line["outcome"]));
        Assert.Equal(["inactive", "active", "active"], order.Select(id => _data.Data.Authorizations.Single(authorization => authorization.Id == id).Status));
        Assert.Contains("503", (string?)Lines(journal)[1]["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_stops_apply_before_any_change()
    {
        var config = Config();
        var plan = await PlanAsync(config);

        // /dev/full opens for appending like any file, and fails the first write: the proof write, before any call.
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", "/dev/full"]);

        Assert.True(exitCode == 64, $"exit {exitCode}: {stderr}");
        Assert.Empty(stdout);
        Assert.Contains("--journal '/dev/full' cannot be written: No space left on device", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(0, Patches);
        Assert.All(_data.Data.Authorizations, authorization => Assert.Equal("active", authorization.Status));
    }

    [Fact]
    public async Task A_plan_whose_action_is_unknown_is_refused_whole_even_with_its_digest_recomputed()
    {
        var config = Config();
        var plan = await PlanAsync(config);
        var text = File.ReadAllText(plan);
        var sealedWith = (string)JsonNode.Parse(text)!["digest"]!;
        Assert.Equal(sealedWith, Digest(text));
        var edited = text.Replace("\"action\": \"deactivate\"", "\"action\": \"delete\"", StringComparison.Ordinal);
        File.WriteAllText(plan, edited.Replace(sealedWith, Digest(edited), StringComparison.Ordinal));

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "apply", plan, "--config", config, "--yes", "--journal", Path.Combine(_directory.Path, "delete.jsonl")]);

        Assert.True(exitCode == 64, $"exit {exitCode}: {stderr}");
        Assert.Contains("action 1 (token ", stderr, StringComparison.Ordinal);
        Assert.Contains("has the unknown action 'delete': tokengov plans 'deactivate' and 'reissue' only", stderr, StringComparison.Ordinal);
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task Rollback_never_touches_a_protected_token_whatever_the_journal_says()
    {
        var config = Config();
        var own = Token("admin's own writer");
        own.Status = "inactive";

        // A line nobody's apply wrote: the audit user's own token "deactivated", with its current updatedAt.
        var forged = new JsonObject
        {
            ["schemaVersion"] = 1, ["time"] = "2026-01-01T00:00:00+00:00", ["actor"] = "admin", ["target"] = "prod", ["tokenId"] = own.Id,
            ["action"] = "deactivate", ["outcome"] = "applied",
            ["after"] = new JsonObject { ["status"] = "inactive", ["updatedAt"] = own.UpdatedAt.ToString("O") },
        };
        var journal = _directory.File("forged.jsonl", forged.ToJsonString() + "\n");

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config, "--yes"]);

        Assert.True(exitCode == 1, $"exit {exitCode}: {stderr}");
        Assert.Equal("inactive", own.Status);
        Assert.Equal(0, Patches);
        var refusal = Lines(journal).Last();
        Assert.Equal("refused", (string?)refusal["outcome"]);
        Assert.StartsWith("owned by the audit token's user 'admin'", (string?)refusal["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_line_with_an_unknown_action_is_a_usage_error()
    {
        var config = Config();
        var line = new JsonObject
        {
            ["schemaVersion"] = 1, ["time"] = "2026-01-01T00:00:00+00:00", ["target"] = "prod", ["tokenId"] = Token("alice writer").Id,
            ["action"] = "delete", ["outcome"] = "applied",
        };
        var journal = _directory.File("unknown.jsonl", line.ToJsonString() + "\n");

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "rollback", journal, "--config", config, "--yes"]);

        Assert.True(exitCode == 64, $"exit {exitCode}: {stderr}");
        Assert.Contains("line 1 is not a tokengov journal entry: the action 'delete' is none tokengov journals", stderr, StringComparison.Ordinal);
        Assert.Equal(0, Patches);
    }

    /// <summary>The plan digest as anyone can recompute it: SHA-256 over the plan's JSON, compact, with a null digest.</summary>
    private static string Digest(string planText)
    {
        var compact = new System.Text.StringBuilder();
        var inString = false;
        for (var index = 0; index < planText.Length; index++)
        {
            var character = planText[index];
            if (inString)
            {
                compact.Append(character);
                if (character == '\\')
                {
                    compact.Append(planText[++index]);
                }
                else if (character == '"')
                {
                    inString = false;
                }
            }
            else if (!char.IsWhiteSpace(character))
            {
                compact.Append(character);
                inString = character == '"';
            }
        }

        var unsealed = System.Text.RegularExpressions.Regex.Replace(compact.ToString(), "\"digest\":\"sha256:[0-9a-f]+\"}$", "\"digest\":null}");
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(unsealed)));
    }

    [Theory]
    [InlineData("edited", "does not match its digest: it was changed after tokengov made it")]
    [InlineData("other-config", "was made with another configuration")]
    [InlineData("not-json", "is not a tokengov plan")]
    [InlineData("journal", "is not a tokengov journal entry")]
    public async Task Bad_plans_and_journals_are_usage_errors_of_one_line(string problem, string message)
    {
        var config = Config();
        var plan = await PlanAsync(config);
        string[] arguments;
        switch (problem)
        {
            case "edited":
                File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"state\": \"due\"", "\"state\": \"pending\"", StringComparison.Ordinal));
                arguments = ["remediate", "apply", plan, "--config", config];
                break;
            case "other-config":
                arguments = ["remediate", "apply", plan, "--config", Config("""{"Rules": {"TG2001": "deactivate"}, "GraceDays": 1, "MaxPercentPerTarget": 100}""")];
                break;
            case "not-json":
                arguments = ["remediate", "apply", _directory.File("broken.json", "{\"schemaVersion\": 1,"), "--config", config];
                break;
            default:
                arguments = ["remediate", "rollback", plan, "--config", config, "--yes"];
                break;
        }

        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(arguments);

        Assert.Equal(64, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("tokengov:", StringComparison.Ordinal));
        Assert.Equal(0, Patches);
    }

    private Task<string> PlanAsync(string config) => RemediateCli.PlanAsync(config, _directory.Path);

    private static List<JsonNode> Lines(string journal) => RemediateCli.Lines(journal);
}
