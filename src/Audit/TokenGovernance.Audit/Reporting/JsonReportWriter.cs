using System.Text.Json;

namespace TokenGovernance.Audit.Reporting;

public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, report, ReportJsonContext.Default.ReportDocument, cancellationToken);
}
