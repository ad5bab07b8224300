namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2018: an exemption in the configuration has passed its <c>Expires</c> date and no longer applies.</summary>
public sealed class ExemptionExpiredRule : ITargetRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ExemptionExpired, "exemption-expired", Severity.Low, "Expired exemption");

    public IEnumerable<TargetRuleHit> Evaluate(PolicyContext context) =>
        context.ExpiredExemptions.Select(exemption => new TargetRuleHit(
            $"The exemption from {exemption.Rule} for {(exemption.AuthorizationId is not null ? "authorization " + exemption.AuthorizationId : "user '" + exemption.User + "'")} expired on {exemption.Expires} (reason: {exemption.Reason}); renew it or fix the finding",
            exemption.AuthorizationId,
            exemption.User));
}
