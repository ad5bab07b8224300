using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy;

/// <summary>
/// Runs every enabled rule that applies to the product over an inventory, applies severities from config and marks
/// exempted findings.
/// </summary>
public sealed class PolicyEngine
{
    private readonly PolicyOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<(ITokenRule Rule, EffectiveRule Settings)> _tokenRules;
    private readonly IReadOnlyList<(ITargetRule Rule, EffectiveRule Settings)> _targetRules;
    private readonly UserMatcher _genericUsers;
    private readonly UserMatcher _adminUsers;
    private readonly ExemptionMatcher _exemptions;
    private readonly IReadOnlyList<IPolicyRule> _all;

    public PolicyEngine(IEnumerable<IPolicyRule> rules, IOptions<TokenGovernanceOptions> options, TimeProvider time)
    {
        _options = options.Value.Policy;
        _time = time;
        var all = rules.ToList();
        _all = all;
        Rules = all.Select(rule => Configure(rule.Descriptor, _options)).ToList();
        _tokenRules = all.OfType<ITokenRule>().Select(rule => (rule, Settings(rule))).Where(pair => pair.Item2.Enabled).ToList();
        _targetRules = all.OfType<ITargetRule>().Select(rule => (rule, Settings(rule))).Where(pair => pair.Item2.Enabled).ToList();
        _genericUsers = new UserMatcher(_options.GenericUsers, "TokenGovernance:Policy:GenericUsers:Patterns");
        _adminUsers = new UserMatcher(_options.AdminUsers, "TokenGovernance:Policy:AdminUsers:Patterns");
        _exemptions = new ExemptionMatcher(_options.Exemptions);
    }

    /// <summary>The configured service users (<c>Policy:GenericUsers</c>).</summary>
    public UserMatcher GenericUsers => _genericUsers;

    /// <summary>The configured admin users (<c>Policy:AdminUsers</c>).</summary>
    public UserMatcher AdminUsers => _adminUsers;

    /// <summary>Every known rule with its configured state, for metrics (each enabled rule gets a series).</summary>
    public IReadOnlyList<EffectiveRule> Rules { get; }

    public EffectiveRule? Find(string ruleId) => Rules.FirstOrDefault(rule => rule.Descriptor.Id == ruleId);

    /// <summary>Ids of the enabled rules that need what a product with <paramref name="capabilities"/> cannot tell.</summary>
    public IReadOnlyList<string> NotApplicable(ProductCapabilities capabilities) =>
        _all.Where(rule => !capabilities.Provides(rule.Requires) && Settings(rule).Enabled).Select(rule => rule.Descriptor.Id).Order(StringComparer.Ordinal).ToList();

    public List<Finding> Evaluate(TargetInventory inventory)
    {
        var now = _time.GetUtcNow();
        var context = new PolicyContext
        {
            Inventory = inventory,
            Options = _options,
            GenericUsers = _genericUsers,
            AdminUsers = _adminUsers,
            Now = now,
            ExpiredExemptions = _exemptions.Expired(now),
        };

        var findings = new List<Finding>();

        // Many findings say the same thing (one rule, one owner, many tokens): they share one message string, so an
        // audit of 100,000 tokens keeps a few thousand sentences alive instead of 100,000 copies (less memory, fewer GCs).
        var messages = new HashSet<string>(StringComparer.Ordinal);
        var tokenRules = _tokenRules.Where(pair => inventory.Capabilities.Provides(pair.Rule.Requires)).ToList();
        foreach (var token in inventory.Tokens)
        {
            foreach (var (rule, settings) in tokenRules)
            {
                var message = rule.Evaluate(token, context);
                if (message is null)
                {
                    continue;
                }

                findings.Add(Apply(new Finding
                {
                    Rule = settings.Descriptor,
                    Severity = settings.Severity,
                    Target = inventory.TargetName,
                    Org = token.ScopeName ?? inventory.ScopeName(token.ScopeId),
                    OrgId = token.ScopeId,
                    AuthorizationId = token.Id,
                    Description = token.Description,
                    TokenName = token.Name,
                    User = inventory.OwnerName(token),
                    UserId = token.OwnerId,
                    Message = Shared(messages, message),
                }, now));
            }
        }

        foreach (var (rule, settings) in _targetRules.Where(pair => !inventory.IsPartial && inventory.Capabilities.Provides(pair.Rule.Requires)))
        {
            foreach (var hit in rule.Evaluate(context))
            {
                findings.Add(Apply(new Finding
                {
                    Rule = settings.Descriptor,
                    Severity = settings.Severity,
                    Target = inventory.TargetName,
                    AuthorizationId = hit.AuthorizationId,
                    User = hit.User,
                    Message = hit.Message,
                }, now));
            }
        }

        return findings;
    }

    private static string Shared(HashSet<string> messages, string message)
    {
        if (messages.TryGetValue(message, out var shared))
        {
            return shared;
        }

        messages.Add(message);
        return message;
    }

    /// <summary>Marks a finding that an unexpired exemption covers; it stays in the report but not in the exit code.</summary>
    public Finding Apply(Finding finding, DateTimeOffset now)
    {
        if (finding.Rule.Id == PolicyRuleIds.ExemptionExpired)
        {
            return finding;
        }

        var exemption = _exemptions.Find(finding.Rule.Id, finding.AuthorizationId, finding.User, now);
        return exemption is null
            ? finding
            : finding with { Suppressed = true, Exemption = new AppliedExemption(exemption.Reason, exemption.Owner, exemption.Expires) };
    }

    private EffectiveRule Settings(IPolicyRule rule) => Rules.First(candidate => candidate.Descriptor == rule.Descriptor);

    private static EffectiveRule Configure(PolicyRuleDescriptor descriptor, PolicyOptions options)
    {
        options.Rules.TryGetValue(descriptor.Id, out var configured);
        var severity = SeverityNames.TryParse(configured?.Severity, out var parsed) ? parsed : descriptor.DefaultSeverity;
        return new EffectiveRule(descriptor, configured?.Enabled ?? true, severity);
    }
}
