using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Cli;

public class CommandLineErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Token_option_is_refused_with_the_reason()
    {
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--url", "http://127.0.0.1:1", "--token", "s3cr3t-canary-value"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("--token is not supported", stderr, StringComparison.Ordinal);
        Assert.Contains("--token-file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-canary-value", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit --format xml", "--format 'xml' is not table, json or sarif")]
    [InlineData("audit --fail-on severe", "--fail-on 'severe'")]
    [InlineData("audit --bogus", "unknown option '--bogus'")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("audit --config /nonexistent/tokengov.json", "config file '/nonexistent/tokengov.json' not found")]
    [InlineData("remediate", "remediate needs a command: plan, apply PLAN or rollback JOURNAL")]
    [InlineData("remediate apply", "remediate apply needs the plan: tokengov remediate apply plan.json")]
    [InlineData("remediate rollback", "remediate rollback needs the journal")]
    [InlineData("remediate plan --bogus", "unknown option '--bogus' for 'remediate plan'")]
    [InlineData("remediate apply /nonexistent/plan.json", "plan '/nonexistent/plan.json' does not exist")]
    [InlineData("tokens show", "tokens show needs a token id")]
    [InlineData("audit --kind influxdb3", "--kind needs --url")]
    [InlineData("tokens --url http://127.0.0.1:1 --kind influxdb4", "--kind 'influxdb4' is not influxdb2, influxdb3, cloud-dedicated or clustered")]
    [InlineData("remediate plan --demo --rule TG9999", "--rule 'TG9999' is not a known rule id")]
    public async Task Usage_errors_exit_64_with_one_clear_line(string arguments, string expected)
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(arguments.Split(' '));

        Assert.Equal(64, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_configuration_problem_is_listed_at_once()
    {
        var config = _directory.File("bad.json", """
            {"TokenGovernance": {
              "Targets": [{"Name": "prod", "Url": "ftp://influx", "TokenFile": "/nonexistent/token"}],
              "Policy": {
                "GenericUsers": {"Patterns": ["svc-(unclosed"]},
                "Rules": {"TG9999": {"Enabled": false}, "TG2001": {"Severity": "extreme"}},
                "Exemptions": [{"Rule": "TG2005", "AuthorizationId": "0a1b2c3d4e5f6071"}]
              }
            }}
            """);

        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--config", config]);

        Assert.Equal(64, exitCode);
        Assert.Empty(stdout);
        foreach (var expected in new[]
        {
            "TokenGovernance:Targets:0:Url 'ftp://influx' is not an absolute http:// or https:// URL",
            "TokenGovernance:Targets:0:TokenFile '/nonexistent/token' does not exist",
            "TokenGovernance:Policy:GenericUsers:Patterns:0 'svc-(unclosed' is not a valid regular expression",
            "TokenGovernance:Policy:Rules:TG9999 is not a known rule id",
            "TokenGovernance:Policy:Rules:TG2001:Severity 'extreme'",
            "TokenGovernance:Policy:Exemptions:0:Reason is required",
        })
        {
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }

        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("tokengov: configuration error: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_configuration_key_and_invalid_json_are_configuration_errors()
    {
        var typo = _directory.File("typo.json", """{"TokenGovernance": {"Targts": []}}""");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--config", typo]);
        Assert.Equal(64, exitCode);
        Assert.Contains("Targts", stderr, StringComparison.Ordinal);

        var broken = _directory.File("broken.json", """{"TokenGovernance": {"Targets": [""");
        (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--config", broken]);
        Assert.Equal(64, exitCode);
        Assert.StartsWith("tokengov: configuration error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_targets_and_token_are_named()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--url", "http://127.0.0.1:1"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("environment variable INFLUX_TOKEN", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_version_exit_0()
    {
        var help = await TokengovProcess.RunAsync(["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("tokengov audit", help.StandardOutput, StringComparison.Ordinal);
        var version = await TokengovProcess.RunAsync(["--version"]);
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("tokengov ", version.StandardOutput, StringComparison.Ordinal);
    }
}
