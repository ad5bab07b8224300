using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.Management;

/// <summary>
/// The management plug-in's settings: Cloud Dedicated needs the account and the cluster (UUIDs) that name its
/// management API's token list; <c>ManagementUrl</c> is a URL; on targets of other kinds these keys are a mistake.
/// </summary>
public sealed class ManagementOptionsValidator(ProductCatalog products) : IValidateOptions<TokenGovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = options.Targets[index];
            var settings = target.ProductSettings<ManagementSettings>();
            var path = $"{TokenGovernanceOptions.SectionName}:Targets:{index}";
            if (!string.IsNullOrWhiteSpace(settings.ManagementUrl))
            {
                UrlSetting.Check($"{path}:ManagementUrl", settings.ManagementUrl, problems);
            }

            var product = products.Find(target.Kind);
            if (ManagementProducts.IsDedicated(target))
            {
                Check(path + ":AccountId", settings.AccountId, problems);
                Check(path + ":ClusterId", settings.ClusterId, problems);
            }
            else if (product is not null)
            {
                CheckNotSet(path, settings, product, problems);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>These settings mean nothing to the other kinds: set there, they are a mistake, not a no-op.</summary>
    private static void CheckNotSet(string path, ManagementSettings settings, ProductDescriptor product, List<string> problems)
    {
        var account = !string.IsNullOrWhiteSpace(settings.AccountId) || !string.IsNullOrWhiteSpace(settings.ClusterId);
        var managementUrl = !string.IsNullOrWhiteSpace(settings.ManagementUrl);
        var all = $"{ManagementProducts.DedicatedKind} and {ManagementProducts.ClusteredKind}";
        if (product.IsDefault)
        {
            if (account || managementUrl)
            {
                // A target that names no Kind is the default product's: most likely the Kind was forgotten.
                problems.Add($"{path}: AccountId, ClusterId and ManagementUrl apply to {all} targets only (set Kind)");
            }

            return;
        }

        if (account)
        {
            problems.Add($"{path}:AccountId and ClusterId apply to {ManagementProducts.DedicatedKind} targets only");
        }

        if (managementUrl && ManagementProducts.Of(product.Kind) is null)
        {
            problems.Add($"{path}:ManagementUrl applies to {all} targets only");
        }
    }

    private static void Check(string path, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{path} is required for a {ManagementProducts.DedicatedKind} target (the UUID the Console or 'influxctl' shows)");
        }
        else if (!Guid.TryParseExact(value.Trim(), "D", out _))
        {
            problems.Add($"{path} '{value}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
    }
}
