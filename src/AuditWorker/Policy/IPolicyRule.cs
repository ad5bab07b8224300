using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy;

public interface IPolicyRule
{
    PolicyRuleDescriptor Descriptor { get; }
}

/// <summary>A rule about one authorization: returns the finding's message, or null when the token complies.</summary>
public interface IAuthorizationRule : IPolicyRule
{
    string? Evaluate(InfluxAuthorization authorization, PolicyContext context);
}

/// <summary>A rule about the target as a whole (coverage, configuration).</summary>
public interface ITargetRule : IPolicyRule
{
    IEnumerable<TargetRuleHit> Evaluate(PolicyContext context);
}

public sealed record TargetRuleHit(string Message, string? AuthorizationId = null, string? User = null);
