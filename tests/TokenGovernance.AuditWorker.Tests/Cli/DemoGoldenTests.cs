using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// The demo's reports, listings, plan and metrics, byte for byte against the files in <c>Cli/Golden/</c> (written by
/// the build before the products became plug-ins): a redesign keeps every word a user or a tool reads. Only what
/// differs between any two runs is normalized (<see cref="DemoOutput"/>). <c>TOKENGOV_WRITE_GOLDEN=1</c> rewrites
/// the files, for a change of output made on purpose (and reviewed in its diff).
/// </summary>
public sealed class DemoGoldenTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "TokenGovernance.AuditWorker.Tests", "Cli", "Golden");

    [Theory]
    [InlineData("audit-table", "audit --demo --format table")]
    [InlineData("audit-json", "audit --demo --format json")]
    [InlineData("audit-sarif", "audit --demo --format sarif")]
    [InlineData("tokens-table", "tokens --demo")]
    [InlineData("tokens-json", "tokens --demo --format json")]
    [InlineData("tokens-csv", "tokens --demo --format csv")]
    [InlineData("tokens-alice-write", "tokens --demo --user alice --access write --format json")]
    [InlineData("remediate-plan", "remediate plan --demo")]
    public async Task The_demo_reads_as_before(string name, string commandLine)
    {
        var (exitCode, stdout, _) = await TokengovProcess.RunAsync(commandLine.Split(' '));

        Compare(name, $"exit {exitCode}\n{DemoOutput.Normalize(stdout)}");
    }

    [Fact]
    public async Task The_demo_worker_s_metrics_read_as_before()
    {
        await using var worker = WorkerProcess.StartDemo();
        var scrape = await worker.WaitForAsync(
            metrics => metrics.Value("tokengov_audit_runs_total", ("target", "demo"), ("outcome", "success")) >= 1
                && metrics.Value("tokengov_audit_runs_total", ("target", "demo-v3"), ("outcome", "success")) >= 1,
            TimeSpan.FromSeconds(60),
            metrics => "no successful audit of both demo targets: " + (metrics is null ? "no scrape" : "runs not counted yet"));
        var text = await worker.Http.GetStringAsync("metrics");
        string[] stable = ["tokengov_findings{", "tokengov_findings_suppressed{", "tokengov_authorizations{", "tokengov_tokens{"];
        var lines = text.Split('\n')
            .Where(line => line.StartsWith("# HELP tokengov_", StringComparison.Ordinal) || line.StartsWith("# TYPE tokengov_", StringComparison.Ordinal)
                || stable.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

        Assert.NotNull(scrape);
        Compare("metrics", string.Join('\n', lines) + "\n");
    }

    private static void Compare(string name, string actual)
    {
        var path = Path.Combine(Folder, name + ".txt");
        if (Environment.GetEnvironmentVariable("TOKENGOV_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with TOKENGOV_WRITE_GOLDEN=1 once, and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
