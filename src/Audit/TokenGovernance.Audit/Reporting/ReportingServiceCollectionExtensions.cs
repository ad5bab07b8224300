namespace TokenGovernance.Audit.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<IReportWriter, TableReportWriter>();
        services.AddSingleton<IReportWriter, JsonReportWriter>();
        services.AddSingleton<IReportWriter, SarifReportWriter>();
        return services;
    }
}
