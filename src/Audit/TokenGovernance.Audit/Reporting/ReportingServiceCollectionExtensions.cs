using TokenGovernance.Audit.Products;
namespace TokenGovernance.Audit.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddProductCatalog();
        foreach (var writer in ReportWriters.All)
        {
            writer.Register(services);
        }

        return services;
    }
}

/// <summary>
/// Every report format, in the order the CLI lists them: the one place a format is added. The CLI's <c>--format</c>
/// choices, its help text and the DI registrations all come from here; each name comes from its writer.
/// </summary>
public static class ReportWriters
{
    public static IReadOnlyList<(string Format, Action<IServiceCollection> Register)> All { get; } =
        [Entry<TableReportWriter>(), Entry<JsonReportWriter>(), Entry<SarifReportWriter>()];

    public static IReadOnlyList<string> Formats { get; } = All.Select(writer => writer.Format).ToList();

    /// <summary><c>table, json or sarif</c>.</summary>
    public static string Described => Configuration.Choices.Described(Formats);

    private static (string, Action<IServiceCollection>) Entry<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TWriter>()
        where TWriter : class, IReportWriter, IReportFormat =>
        (TWriter.FormatName, services => services.AddSingleton<IReportWriter, TWriter>());
}
