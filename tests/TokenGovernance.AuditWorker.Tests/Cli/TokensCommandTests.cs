using System.Text.Json;
using TokenGovernance.AuditWorker.Tests.Listing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>The real <c>tokengov tokens</c> binary against the double: the seed's recipe as one command, exit codes, show, canaries.</summary>
public sealed class TokensCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly TestData _data = ListingData.Create();
    private InfluxApiDouble _server = null!;
    private string _tokenFile = null!;

    public async Task InitializeAsync()
    {
        _server = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss29);
        _tokenFile = _directory.File("token", _data.AuditToken.Token);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private string Config(params string[] targets) => _directory.File($"config-{Guid.NewGuid():N}.json", $$$"""
        {"TokenGovernance": {
          "Targets": [{{{string.Join(", ", targets.Select(target => target == "down"
              ? $$"""{"Name": "down", "Url": "http://127.0.0.1:9", "TokenFile": "{{_tokenFile}}"}"""
              : $$"""{"Name": "{{target}}", "Url": "{{_server.Url}}", "TokenFile": "{{_tokenFile}}"}"""))}}}],
          "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 1},
          "Policy": {"GenericUsers": {"Patterns": ["svc-.*"]}, "AdminUsers": {"Names": ["admin"]}}
        }}
        """);

    [Fact]
    public async Task The_seed_s_recipe_is_one_command_with_the_token_from_INFLUX_TOKEN()
    {
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(
            ["tokens", "--url", _server.Url.ToString(), "--user", "alice", "--can", "write", "--status", "active"],
            new Dictionary<string, string?> { ["INFLUX_TOKEN"] = _data.AuditToken.Token });

        Assert.True(exitCode == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.Contains("alice telemetry writer", rows[1], StringComparison.Ordinal);
        Assert.Contains("write buckets/telemetry", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("1 token(s) listed, of 4 read on 1 target(s).", rows[2], StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(stdout + stderr, _data.AllTokenValues, "tokens output");
    }

    [Fact]
    public async Task Nothing_matching_is_still_a_listing_and_exits_0()
    {
        var (exitCode, stdout, _) = await TokengovProcess.RunAsync(["tokens", "--config", Config("prod"), "--user", "nobody"]);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("No tokens match (0 read on 1 target(s)).", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_cannot_be_read_exits_2_and_the_rest_is_listed_marked_incomplete()
    {
        var config = Config("prod", "down");
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["tokens", "--config", config, "--owner", "generic"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("svc any bucket", stdout, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE: target 'down': GET /api/v2/orgs", stdout, StringComparison.Ordinal);
        Assert.Contains("tokengov: audit failed: target 'down'", stderr, StringComparison.Ordinal);

        var output = Path.Combine(_directory.Path, "partial.json");
        Assert.Equal(2, (await TokengovProcess.RunAsync(["tokens", "--config", config, "--format", "json", "--output", output])).ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        var down = json.RootElement.GetProperty("targets").EnumerateArray().Single(target => target.GetProperty("name").GetString() == "down");
        Assert.Equal("failure", down.GetProperty("outcome").GetString());
        Assert.Equal(8, json.RootElement.GetProperty("tokens").GetArrayLength());
    }

    [Fact]
    public async Task Target_reads_only_the_targets_named()
    {
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["tokens", "--config", Config("prod", "down"), "--target", "prod", "--format", "csv"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(9, stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("down", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_one_token_whole_and_asks_for_a_target_when_ids_collide()
    {
        var bob = _data.Data.Authorizations.Single(authorization => authorization.Description == "bob writer");
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["tokens", "show", bob.Id, "--config", Config("prod")]);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Owner       bob (" + bob.UserId + "): personal, inactive", stdout, StringComparison.Ordinal);
        Assert.Contains("write buckets telemetry", stdout, StringComparison.Ordinal);
        Assert.Contains("TG2010 medium", stdout, StringComparison.Ordinal);
        Assert.Contains("Value       not shown by the server (empty)", stdout, StringComparison.Ordinal);

        // Two targets on the same server list the same ids.
        var twice = Config("prod", "copy");
        var collision = await TokengovProcess.RunAsync(["tokens", "show", bob.Id, "--config", twice]);
        Assert.Equal(64, collision.ExitCode);
        Assert.Contains($"token id '{bob.Id}' is on 2 targets (copy, prod): name one with --target", collision.StandardError, StringComparison.Ordinal);
        var chosen = await TokengovProcess.RunAsync(["tokens", "show", bob.Id, "--config", twice, "--target", "copy", "--format", "json"]);
        Assert.Equal(0, chosen.ExitCode);
        using var json = JsonDocument.Parse(chosen.StandardOutput);
        Assert.Equal("copy", json.RootElement.GetProperty("tokens")[0].GetProperty("target").GetString());

        var missing = await TokengovProcess.RunAsync(["tokens", "show", "0000000000000000", "--config", Config("prod")]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("tokengov: no token '0000000000000000' on any target read", missing.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--status|gone", "tokengov: --status 'gone' is not active, inactive, expired or revoked")]
    [InlineData("--on|buckets:", "tokengov: --on 'buckets:' is not TYPE or TYPE:NAME")]
    [InlineData("--older-than|ten", "tokengov: --older-than 'ten' is not a number of days")]
    [InlineData("--format|sarif", "tokengov: --format 'sarif' is not table, json or csv")]
    [InlineData("--usr|alice", "tokengov: unknown option '--usr' for 'tokens' (did you mean '--user'?)")]
    [InlineData("--target|staging", "tokengov: configuration error: --target 'staging' is not a configured target; the targets are prod")]
    [InlineData("--token|secret", "tokengov: --token is not supported")]
    public async Task Usage_errors_exit_64_with_one_line_naming_the_value(string arguments, string message)
    {
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["tokens", "--config", Config("prod"), .. arguments.Split('|')]);

        Assert.Equal(64, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
    }
}
