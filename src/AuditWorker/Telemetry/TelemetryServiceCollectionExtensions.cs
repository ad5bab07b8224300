using OpenTelemetry.Metrics;

namespace TokenGovernance.AuditWorker.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry metrics with the Prometheus exporter (<c>/metrics</c>).</summary>
    public static IServiceCollection AddAuditTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<AuditMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AuditMetrics.MeterName)
            .AddView(AuditMetrics.DurationInstrument, new ExplicitBucketHistogramConfiguration { Boundaries = AuditMetrics.DurationBuckets })
            .AddPrometheusExporter());
        return services;
    }
}
