namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>
/// The chart rendered as <c>helm template</c> renders it and validated against the Kubernetes 1.30 and Prometheus
/// Operator schemas, with <c>promtool</c> on the rules: <c>../shared/tools/chart-check/check</c>, for every
/// <c>ci/*-values.yaml</c> (the defaults alone refuse to render without a token source, on purpose). .ci/run
/// bootstraps the tool before the tests.
/// </summary>
public sealed class RenderedChartTests
{
    public static TheoryData<string> CiValuesFiles() =>
        new(Directory.GetFiles(Path.Combine(ChartRender.Chart, "ci"), "*-values.yaml").Order(StringComparer.Ordinal).Select(file => Path.Combine("ci", Path.GetFileName(file))));

    [Theory]
    [MemberData(nameof(CiValuesFiles))]
    public async Task Rendered_chart_has_no_problem(string file)
    {
        var (exitCode, output, errors) = await ChartRender.CheckAsync("-f", file);

        var text = output + errors;
        Assert.True(exitCode == 0, $"chart-check found problems with {file}:\n{text}");
        Assert.Contains(", 0 problems", text, StringComparison.Ordinal);
    }
}
