using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Validation;

/// <summary>
/// Checks what the engine reads of the <c>TokenGovernance</c> section (targets, timeouts, client, policy, references)
/// and names every problem with its configuration path. Product readers and the worker add validators of their own.
/// </summary>
public sealed class TokenGovernanceOptionsValidator(PolicyRuleCatalog catalog, ProductCatalog products) : IValidateOptions<TokenGovernanceOptions>
{
    private const string Root = TokenGovernanceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TokenGovernanceOptions options)
    {
        var problems = new List<string>();
        ValidateTargets(options, problems);
        OptionBounds.CheckPositive($"{Root}:AuditTimeout", options.AuditTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), problems);
        OptionBounds.CheckAtLeastOne($"{Root}:MaxConcurrentTargets", options.MaxConcurrentTargets, 256, problems);

        ValidateClient(options.Client, problems);

        ValidatePolicy(options.Policy, problems);
        ValidateReferences(options, problems);
        ValidateRemediation(options, problems);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void ValidateTargets(TokenGovernanceOptions options, List<string> problems)
    {
        if (options.Targets.Count == 0)
        {
            problems.Add($"{Root}:Targets is empty: configure at least one InfluxDB target (or pass --url and --token-file)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Targets.Count; index++)
        {
            var target = options.Targets[index];
            var path = $"{Root}:Targets:{index}";
            if (string.IsNullOrWhiteSpace(target.Name))
            {
                problems.Add($"{path}:Name is required");
            }
            else if (!names.Add(target.Name))
            {
                problems.Add($"{path}:Name '{target.Name}' is used by another target");
            }

            var product = products.Find(target.Kind);
            if (product is null)
            {
                problems.Add($"{path}:Kind '{target.Kind}' is not {Choices.Described(products.Kinds)}");
            }

            // A product read through a separate management API may not need the cluster's URL.
            if (product?.NeedsUrl != false || !string.IsNullOrWhiteSpace(target.Url))
            {
                UrlSetting.Check($"{path}:Url", target.Url, problems);
            }

            if (product is not null)
            {
                ValidateForProduct(path, target, product, problems);
            }

            if (!string.IsNullOrWhiteSpace(target.TokenFile))
            {
                if (InputFile.Problem(target.TokenFile, Auditing.TokenSource.MaxTokenFileBytes) is { } problem)
                {
                    problems.Add($"{path}:TokenFile '{target.TokenFile}' {problem}");
                }
            }
            else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(target.EffectiveTokenEnv)))
            {
                problems.Add($"{path}: no token: set TokenFile, or put the token into the environment variable {target.EffectiveTokenEnv}");
            }

            if (!string.IsNullOrWhiteSpace(target.CaBundleFile) && CaBundle.Problem(target.CaBundleFile) is { } bundleProblem)
            {
                problems.Add($"{path}:CaBundleFile '{target.CaBundleFile}' {bundleProblem}");
            }
        }
    }

    private static void ValidateClient(InfluxClientOptions client, List<string> problems)
    {
        const string path = Root + ":Client";
        OptionBounds.Check($"{path}:MaxRetries", client.MaxRetries, 1, 10, problems);
        OptionBounds.Check($"{path}:RetryBaseDelay", client.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10), problems);
        OptionBounds.Check($"{path}:AttemptTimeout", client.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), problems);
        OptionBounds.Check($"{path}:TotalTimeout", client.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1), problems);
        if (client.TotalTimeout <= client.AttemptTimeout && client.AttemptTimeout <= TimeSpan.FromHours(1))
        {
            problems.Add($"{path}:TotalTimeout '{client.TotalTimeout}' must be longer than {path}:AttemptTimeout '{client.AttemptTimeout}'");
        }

        OptionBounds.Check($"{path}:MaxConcurrentLookups", client.MaxConcurrentLookups, 1, 256, problems);
    }

    /// <summary>The engine's settings that only some products take: set elsewhere, they are a mistake, not a no-op.</summary>
    private void ValidateForProduct(string path, TargetOptions target, ProductDescriptor product, List<string> problems)
    {
        if (!product.HasOrgs && target.Orgs.Count > 0)
        {
            problems.Add($"{path}:Orgs applies to {products.KindsWhere(candidate => candidate.HasOrgs)} targets only; remove it from this {product.Kind} target (it has no organizations)");
        }

        if (!product.ChangesTokens && !string.IsNullOrWhiteSpace(target.ServiceUser))
        {
            problems.Add($"{path}:ServiceUser applies to {products.KindsWhere(candidate => candidate.ChangesTokens)} targets only (a re-issue is built for {products.ApiNamesWhere(candidate => candidate.ChangesTokens)})");
        }
    }

    private void ValidateRemediation(TokenGovernanceOptions options, List<string> problems)
    {
        var remediation = options.Remediation;
        var path = $"{Root}:Remediation";
        foreach (var (id, action) in remediation.Rules)
        {
            if (!catalog.TryGet(id, out _))
            {
                problems.Add($"{path}:Rules:{id} is not a known rule id");
            }

            if (string.Equals(action?.Trim(), "revoke", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{path}:Rules:{id} 'revoke' is permanent and tokengov does not revoke tokens ({products.ApiNamesWhere(product => !product.ChangesTokens)} can only delete or revoke, for good); use deactivate ({products.ApiNamesWhere(product => product.ChangesTokens, shortNames: true)}, reversible) or none");
            }
            else if (!Choices.TryParse<RemediationAction>(action, out _))
            {
                problems.Add($"{path}:Rules:{id} '{action}' is not deactivate, reissue or none");
            }
            else if (Choices.Parse(action, RemediationAction.None) == RemediationAction.Reissue)
            {
                ValidateReissue($"{path}:Rules:{id}", id, options, problems);
            }
        }

        OptionBounds.Check($"{path}:GraceDays", remediation.GraceDays, 0, 3650, problems);
        OptionBounds.CheckAtLeastOne($"{path}:MaxActionsPerTarget", remediation.MaxActionsPerTarget, 100_000, problems);
        OptionBounds.Check($"{path}:MaxPercentPerTarget", remediation.MaxPercentPerTarget, 0.01, 100, problems);
        ValidatePatterns($"{path}:Protect:DescriptionPatterns", remediation.Protect.DescriptionPatterns, problems);
        if (!Choices.TryParse<RemediationMode>(remediation.Mode, out _))
        {
            problems.Add($"{path}:Mode '{remediation.Mode}' is not off, plan or apply");
        }
    }

    /// <summary>Re-issue moves a person's token to the service user: for the rules about personal tokens, with a service user to move it to.</summary>
    private void ValidateReissue(string path, string ruleId, TokenGovernanceOptions options, List<string> problems)
    {
        if (!RemediationOptions.ReissueRules.Contains(ruleId))
        {
            problems.Add($"{path} 'reissue' applies to {string.Join(" and ", RemediationOptions.ReissueRules.Order(StringComparer.Ordinal))} only (tokens of a person); use deactivate or none");
            return;
        }

        foreach (var target in options.Targets.Where(target => products.ChangesTokens(target.Kind) && options.Remediation.ServiceUserFor(target) is null))
        {
            problems.Add($"{path} is reissue, but target '{target.Name}' has no ServiceUser and {Root}:Remediation:ServiceUser is not set: name the generic user new tokens are created for");
        }
    }

    private void ValidatePolicy(PolicyOptions policy, List<string> problems)
    {
        var path = $"{Root}:Policy";
        OptionBounds.CheckAtLeastOne($"{path}:MaxTokenAgeDays", policy.MaxTokenAgeDays, 36_500, problems);
        OptionBounds.CheckAtLeastOne($"{path}:InactiveRetentionDays", policy.InactiveRetentionDays, 36_500, problems);
        OptionBounds.CheckAtLeastOne($"{path}:MaxAdminTokens", policy.MaxAdminTokens, 10_000, problems);
        OptionBounds.CheckAtLeastOne($"{path}:ExpiryWarningDays", policy.ExpiryWarningDays, 3650, problems);

        ValidatePatterns($"{path}:GenericUsers:Patterns", policy.GenericUsers.Patterns, problems);
        ValidatePatterns($"{path}:AdminUsers:Patterns", policy.AdminUsers.Patterns, problems);

        foreach (var (id, rule) in policy.Rules)
        {
            if (!catalog.TryGet(id, out _))
            {
                problems.Add($"{path}:Rules:{id} is not a known rule id (known: {string.Join(", ", catalog.All.Select(known => known.Id).Order())})");
            }

            if (rule.Severity is not null && !SeverityNames.TryParse(rule.Severity, out _))
            {
                problems.Add($"{path}:Rules:{id}:Severity '{rule.Severity}' is not critical, high, medium or low");
            }
        }

        for (var index = 0; index < policy.Exemptions.Count; index++)
        {
            var exemption = policy.Exemptions[index];
            var at = $"{path}:Exemptions:{index}";
            if (!catalog.TryGet(exemption.Rule, out _))
            {
                problems.Add($"{at}:Rule '{exemption.Rule}' is not a known rule id");
            }

            if (string.IsNullOrWhiteSpace(exemption.Reason))
            {
                problems.Add($"{at}:Reason is required: say why the finding is accepted");
            }

            if (string.IsNullOrWhiteSpace(exemption.AuthorizationId) && string.IsNullOrWhiteSpace(exemption.User))
            {
                problems.Add($"{at} needs AuthorizationId or User");
            }

            if (exemption.Expires is not null && !ExemptionMatcher.TryParseExpiry(exemption.Expires, out _))
            {
                problems.Add($"{at}:Expires '{exemption.Expires}' is not a date (yyyy-MM-dd)");
            }
        }
    }

    private static void ValidateReferences(TokenGovernanceOptions options, List<string> problems)
    {
        var references = options.References;
        var path = $"{Root}:References";
        void CheckTarget(string at, string? target)
        {
            if (target is null && options.Targets.Count > 1)
            {
                problems.Add($"{at}:Target is required when several targets are configured (a token is only ever sent to its own source's target)");
            }
            else if (target is not null && options.Targets.All(candidate => candidate.Name != target))
            {
                problems.Add($"{at}:Target '{target}' is not a configured target");
            }
        }

        for (var index = 0; index < references.Files.Count; index++)
        {
            var source = references.Files[index];
            if (string.IsNullOrWhiteSpace(source.Path))
            {
                problems.Add($"{path}:Files:{index}:Path is required");
            }

            if (!Choices.TryParse<FileSourceKind>(source.Kind, out _))
            {
                problems.Add($"{path}:Files:{index}:Kind '{source.Kind}' is not plain or secret");
            }

            for (var pattern = 0; pattern < source.Include.Count; pattern++)
            {
                if (FileGlobs.Problem(source.Include[pattern]) is { } globProblem)
                {
                    problems.Add($"{path}:Files:{index}:Include:{pattern} '{source.Include[pattern]}' {globProblem}");
                }
            }

            CheckTarget($"{path}:Files:{index}", source.Target);
        }

        if (references.Kubernetes.Enabled)
        {
            if (references.Kubernetes.Namespaces.Count == 0)
            {
                problems.Add($"{path}:Kubernetes:Namespaces is empty: list the namespaces to scan");
            }

            CheckTarget($"{path}:Kubernetes", references.Kubernetes.Target);
            if (!string.IsNullOrWhiteSpace(references.Kubernetes.Kubeconfig)
                && InputFile.Problem(references.Kubernetes.Kubeconfig, 16 * 1024 * 1024) is { } kubeconfigProblem)
            {
                problems.Add($"{path}:Kubernetes:Kubeconfig '{references.Kubernetes.Kubeconfig}' {kubeconfigProblem}");
            }
        }

        if (!string.IsNullOrWhiteSpace(references.Inventory))
        {
            CheckTarget($"{path}:Inventory", references.InventoryTarget);
        }

        if (references.MaxProbes < 0 || references.ProbesPerSecond <= 0)
        {
            problems.Add($"{path}: MaxProbes must be 0 or more and ProbesPerSecond positive");
        }
        else
        {
            OptionBounds.Check($"{path}:MaxProbes", references.MaxProbes, 0, 100_000, problems);
            OptionBounds.Check($"{path}:ProbesPerSecond", references.ProbesPerSecond, 0.01, 1000, problems);
        }
    }

    private static void ValidatePatterns(string path, List<string> patterns, List<string> problems)
    {
        for (var index = 0; index < patterns.Count; index++)
        {
            try
            {
                UserMatcher.Anchor(patterns[index]);
            }
            catch (ArgumentException exception)
            {
                problems.Add($"{path}:{index} '{patterns[index]}' is not a valid regular expression: {exception.Message.Split('\n')[0]}");
            }
        }
    }
}
