using System.Text.Json.Nodes;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>
/// The chart as <c>helm template</c> renders it (<c>../shared/tools/chart-check/render</c>), read back as objects:
/// the chart tests assert on what a cluster would receive, not on the template text.
/// </summary>
internal static class ChartRender
{
    public static readonly string Chart = Path.Combine(RepositoryRoot.Path, "deploy", "helm", "token-governance");

    private static readonly string Tools = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "tools", "chart-check"));

    /// <summary>The rendered objects for the chart's values plus <paramref name="arguments"/> (<c>-f</c> files are chart-relative, <c>--set</c> as Helm).</summary>
    public static async Task<List<JsonObject>> ObjectsAsync(params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync("render", arguments);
        Assert.True(exitCode == 0, $"the chart did not render with {string.Join(' ', arguments)}:\n{errors}");
        return YamlJson.LoadAll(output);
    }

    /// <summary>The error of a render that must fail (a values combination the chart refuses).</summary>
    public static async Task<string> FailureAsync(params string[] arguments)
    {
        var (exitCode, _, errors) = await RunAsync("render", arguments);
        Assert.NotEqual(0, exitCode);
        return errors;
    }

    public static Task<(int ExitCode, string Output, string Errors)> CheckAsync(params string[] arguments) => RunAsync("check", arguments);

    public static JsonObject Single(this List<JsonObject> objects, string kind, string? nameSuffix = null) =>
        Assert.Single(objects, item => (string?)item["kind"] == kind && (nameSuffix is null || ((string?)item["metadata"]!["name"])!.EndsWith(nameSuffix, StringComparison.Ordinal)));

    /// <summary>The rendered text of <paramref name="chart"/> (a copy of the chart a test changed).</summary>
    public static async Task<string> TextAsync(string chart, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync("render", arguments, chart);
        Assert.True(exitCode == 0, errors);
        return output;
    }

    private static async Task<(int, string, string)> RunAsync(string tool, string[] arguments, string? chart = null)
    {
        var script = Path.Combine(Tools, tool);
        Assert.True(File.Exists(script), $"chart-check is missing at {script}: the tests expect ../shared beside the repository");
        var resolved = arguments.Select(argument => argument.EndsWith(".yaml", StringComparison.Ordinal) && !Path.IsPathRooted(argument) ? Path.Combine(Chart, argument) : argument);

        var result = await ProcessRunner.RunAsync("bash", [script, chart ?? Chart, .. resolved], timeout: TimeSpan.FromMinutes(5));
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
