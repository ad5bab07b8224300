using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace TokenGovernance.AuditWorker.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry metrics with the Prometheus exporter (<c>/metrics</c>).</summary>
    public static IServiceCollection AddAuditTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<AuditMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Audit.Reporting.ToolInfo.Name, serviceVersion: Audit.Reporting.ToolInfo.Version))
            .WithMetrics(metrics => metrics
            .AddMeter(AuditMetrics.MeterName)
            .AddView(AuditMetrics.DurationInstrument, new ExplicitBucketHistogramConfiguration { Boundaries = AuditMetrics.DurationBuckets })
            .AddPrometheusExporter());
        return services;
    }
}
