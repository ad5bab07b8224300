using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.Management;

/// <summary>
/// InfluxDB Cloud Dedicated (<c>Kind: cloud-dedicated</c>, through the Console's management API) and Clustered
/// (<c>Kind: clustered</c>, through the cluster's own): one plug-in, the same token objects.
/// </summary>
public sealed class ManagementProducts : IProductPlugin
{
    public const string DedicatedKind = "cloud-dedicated";
    public const string ClusteredKind = "clustered";

    private const string ApiName = "the management APIs";

    private static readonly ProductWords Words = new()
    {
        MissingDescription = "Token has no description; describe what uses it and who owns it (PATCH the database token on the management API)",
    };

    public static ProductDescriptor Dedicated { get; } = new()
    {
        Kind = DedicatedKind,
        ApiName = ApiName,
        NeedsUrl = false,
        SettingKeys = ManagementSettings.Keys,
        BindSettings = ManagementSettings.Bind,
        ReportedUrl = target => string.IsNullOrWhiteSpace(target.Url) ? ManagementUrlOf(target) : target.Url,
        Words = Words,
    };

    public static ProductDescriptor Clustered { get; } = new()
    {
        Kind = ClusteredKind,
        ApiName = ApiName,
        SettingKeys = ManagementSettings.Keys,
        BindSettings = ManagementSettings.Bind,
        Words = Words,
    };

    public IReadOnlyList<ProductDescriptor> Products { get; } = [Dedicated, Clustered];

    /// <summary>This plug-in's product of the target, or null.</summary>
    public static ProductDescriptor? Of(TargetOptions target) => Of(target.Kind);

    /// <summary>This plug-in's product of a <c>Kind</c> word, or null.</summary>
    public static ProductDescriptor? Of(string? kind) => Dedicated.Reads(kind) ? Dedicated : Clustered.Reads(kind) ? Clustered : null;

    public static bool IsDedicated(TargetOptions target) => ReferenceEquals(Of(target), Dedicated);

    /// <summary>Where the management API answers: <c>ManagementUrl</c>, else the Console (Dedicated) or the cluster's <c>Url</c> (Clustered).</summary>
    public static string ManagementUrlOf(TargetOptions target) =>
        target.ProductSettings<ManagementSettings>().ManagementUrl is { } url && !string.IsNullOrWhiteSpace(url) ? url
        : IsDedicated(target) ? ManagementSettings.DefaultManagementUrl : target.Url;

    public void Register(IServiceCollection services, IReadOnlyList<TargetOptions> configuredTargets) => services.AddManagementReader(configuredTargets);
}
