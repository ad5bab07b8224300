using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>Checks the v2 plug-in's own settings of each target: <c>Flavor</c>, on v2 targets a known word, elsewhere not set.</summary>
public sealed class InfluxV2OptionsValidator(ProductCatalog products) : IValidateOptions<TokenGovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = options.Targets[index];
            var path = $"{TokenGovernanceOptions.SectionName}:Targets:{index}";
            var flavor = target.ProductSettings<InfluxV2Settings>().Flavor;
            if (InfluxV2Product.Reads(target))
            {
                if (!InfluxFlavorNames.TryParse(flavor, out _))
                {
                    problems.Add($"{path}:Flavor '{flavor}' is not auto, oss or cloud");
                }
            }
            else if (products.Find(target.Kind) is { } other
                     && !string.IsNullOrWhiteSpace(flavor) && !string.Equals(flavor.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
            {
                // The v2 settings mean nothing to the other kinds: set there, they are a mistake, not a no-op.
                problems.Add($"{path}:Flavor '{flavor}' applies to {InfluxV2Product.Kind} targets only; remove it from this {other.Kind} target");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
