using System.Text.RegularExpressions;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>
/// <c>promtool test rules</c> on deploy/prometheus/tests, and proof that those tests can fail: each alert's expression
/// replaced by one that never fires, and by one that always fires, must each make promtool fail on that alert.
/// </summary>
public sealed partial class AlertRuleTests
{
    private static readonly string Prometheus = Path.Combine(RepositoryRoot.Path, "deploy", "prometheus");
    private static readonly string RulesFile = Path.Combine(Prometheus, "token-governance-rules.yaml");

    public static TheoryData<string, string> Mutations()
    {
        var data = new TheoryData<string, string>();
        foreach (var alert in Alerts())
        {
            data.Add(alert, "vector(1) < 0");
            data.Add(alert, "vector(1)");
        }

        return data;
    }

    [Fact]
    public async Task The_promtool_unit_tests_pass_and_cover_every_alert()
    {
        var tests = Directory.GetFiles(Path.Combine(Prometheus, "tests"), "*.yaml");
        var (exitCode, output) = await PromtoolAsync(Prometheus, ["test", "rules", .. tests]);

        Assert.True(exitCode == 0, output);
        var tested = tests.SelectMany(file => TestedAlert().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value)).ToHashSet();
        Assert.Equal(Alerts().Order(), tested.Order());
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_broken_expression_fails_its_alert_s_tests(string alert, string brokenExpression)
    {
        using var directory = new Support.TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "tests"));
        var rules = File.ReadAllText(RulesFile);
        var block = AlertBlock(alert).Match(rules);
        Assert.True(block.Success, alert);
        var broken = rules[..block.Index] + ExprLines().Replace(block.Value, $"        expr: {brokenExpression}\n", 1) + rules[(block.Index + block.Length)..];
        File.WriteAllText(Path.Combine(directory.Path, "token-governance-rules.yaml"), broken);
        foreach (var test in Directory.GetFiles(Path.Combine(Prometheus, "tests"), "*.yaml"))
        {
            File.Copy(test, Path.Combine(directory.Path, "tests", Path.GetFileName(test)));
        }

        var (exitCode, output) = await PromtoolAsync(directory.Path, ["test", "rules", .. Directory.GetFiles(Path.Combine(directory.Path, "tests"))]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("alertname: " + alert, output, StringComparison.Ordinal);
    }

    private static List<string> Alerts() => AlertName().Matches(File.ReadAllText(RulesFile)).Select(match => match.Groups[1].Value).ToList();

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(string workingDirectory, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("promtool", arguments, workingDirectory, timeout: TimeSpan.FromMinutes(1));
        return (result.ExitCode, result.Output);
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    [GeneratedRegex(@"alertname: (\w+)")]
    private static partial Regex TestedAlert();

    private static Regex AlertBlock(string alert) => new(@"      - alert: " + alert + @"\n(?:(?!      - alert:).*\n?)*");

    /// <summary>The <c>expr:</c> line with any folded continuation lines under it.</summary>
    [GeneratedRegex(@"        expr: .*\n(?:          .*\n)*")]
    private static partial Regex ExprLines();
}
