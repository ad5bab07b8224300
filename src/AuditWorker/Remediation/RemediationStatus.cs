using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.AuditWorker.Remediation;

/// <summary>
/// The remediation plan of each target's last successful audit, with <c>Remediation:Mode</c> <c>plan</c> or <c>apply</c>:
/// what <c>tokengov_remediation_actions</c> and <c>/report</c> show. Made once per audit result (so an action turns due
/// at the audit after its grace period ends), from findings that carry their first sighting from the history.
/// </summary>
public sealed class RemediationStatus(IOptions<TokenGovernanceOptions> options, Audit.Products.ProductCatalog products, TimeProvider time)
{
    private static readonly IReadOnlySet<string> AllRules = new HashSet<string>();

    private readonly ConditionalWeakTable<TargetAuditResult, RemediationPlan> _plans = new();

    public bool Enabled => options.Value.Remediation.ParsedMode != RemediationMode.Off;

    /// <summary>The plan for one successful result; null when remediation is off or the result is a failure.</summary>
    public RemediationPlan? PlanFor(TargetAuditResult result) =>
        !Enabled || result.Outcome != AuditOutcome.Success
            ? null
            : _plans.GetValue(result, success =>
                new RemediationPlanner(options.Value, products).Plan(new AuditReport(success.StartedAt, success.FinishedAt, [success]), AllRules, time.GetUtcNow()));

    /// <summary>(rule, action) pairs configured to act: each gets a series per state, at 0 when nothing is there.</summary>
    public IEnumerable<string> ConfiguredRules() =>
        options.Value.Remediation.Rules.Where(pair => Choices.Parse(pair.Value, RemediationAction.None) != RemediationAction.None).Select(pair => pair.Key.ToUpperInvariant());
}
