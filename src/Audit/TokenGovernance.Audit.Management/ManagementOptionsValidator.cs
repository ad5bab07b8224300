using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Management;

/// <summary>Cloud Dedicated needs the account and the cluster (UUIDs) that name its management API's token list.</summary>
public sealed class ManagementOptionsValidator : IValidateOptions<TokenGovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = options.Targets[index];
            if (target.ParsedKind != TargetKind.CloudDedicated || !TargetKinds.TryParse(target.Kind, out _))
            {
                continue;
            }

            var path = $"{TokenGovernanceOptions.SectionName}:Targets:{index}";
            Check(path + ":AccountId", target.AccountId, problems);
            Check(path + ":ClusterId", target.ClusterId, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(string path, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{path} is required for a cloud-dedicated target (the UUID the Console or 'influxctl' shows)");
        }
        else if (!Guid.TryParseExact(value.Trim(), "D", out _))
        {
            problems.Add($"{path} '{value}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
    }
}
