namespace TokenGovernance.Audit.Reporting;

/// <summary>Writes a report in one format (<c>table</c>, <c>json</c>, <c>sarif</c>).</summary>
public interface IReportWriter
{
    string Format { get; }

    Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken);
}
