using System.Text.Json;

namespace TokenGovernance.Audit.Reporting;

public sealed class JsonReportWriter : IReportWriter, IReportFormat
{
    public static string FormatName => "json";

    public string Format => FormatName;

    public Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, report, ReportJsonContext.Default.ReportDocument, cancellationToken);
}
