using System.Diagnostics;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>
/// The chart rendered as <c>helm template</c> renders it and validated against the Kubernetes 1.30 and Prometheus
/// Operator schemas, with <c>promtool</c> on the rules: <c>../shared/tools/chart-check/check</c>, for every
/// <c>ci/*-values.yaml</c> (the defaults alone refuse to render without a token source, on purpose). .ci/run
/// bootstraps the tool before the tests.
/// </summary>
public sealed class RenderedChartTests
{
    private static readonly string Chart = Path.Combine(RepositoryRoot.Path, "deploy", "helm", "token-governance");

    public static TheoryData<string> CiValuesFiles() =>
        new(Directory.GetFiles(Path.Combine(Chart, "ci"), "*-values.yaml").Order(StringComparer.Ordinal).Select(file => Path.Combine("ci", Path.GetFileName(file))));

    private static readonly string Check = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "tools", "chart-check", "check"));

    [Theory]
    [MemberData(nameof(CiValuesFiles))]
    public async Task Rendered_chart_has_no_problem(string file)
    {
        Assert.True(File.Exists(Check), $"chart-check is missing at {Check}: the tests expect ../shared beside the repository");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Check, Chart, "-f", Path.Combine(Chart, file)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, $"chart-check found problems with {file}:\n{text}");
        Assert.Contains(", 0 problems", text, StringComparison.Ordinal);
    }
}
