using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>Checks the v2 reader's own settings of each target.</summary>
public sealed class InfluxV2OptionsValidator : IValidateOptions<TokenGovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = options.Targets[index];
            if (target.ParsedKind == TargetKind.InfluxDb2 && !InfluxFlavorNames.TryParse(target.Flavor, out _))
            {
                problems.Add($"{TokenGovernanceOptions.SectionName}:Targets:{index}:Flavor '{target.Flavor}' is not auto, oss or cloud");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
