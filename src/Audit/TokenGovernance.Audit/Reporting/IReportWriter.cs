namespace TokenGovernance.Audit.Reporting;

/// <summary>Writes a report in one format (<c>table</c>, <c>json</c>, <c>sarif</c>).</summary>
public interface IReportWriter
{
    string Format { get; }

    Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken);
}

/// <summary>The name of a writer's format, known without an instance (for the CLI's choices and help).</summary>
public interface IReportFormat
{
    static abstract string FormatName { get; }
}
