using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy;

public interface IPolicyRule
{
    PolicyRuleDescriptor Descriptor { get; }

    /// <summary>What the product must be able to tell for this rule to apply; the engine skips it on products that cannot.</summary>
    ProductCapabilities Requires => ProductCapabilities.None;
}

/// <summary>A rule about one token: returns the finding's message, or null when the token complies.</summary>
public interface ITokenRule : IPolicyRule
{
    string? Evaluate(Token token, PolicyContext context);
}

/// <summary>A rule about the target as a whole (coverage, configuration).</summary>
public interface ITargetRule : IPolicyRule
{
    IEnumerable<TargetRuleHit> Evaluate(PolicyContext context);
}

/// <summary>
/// A rule about one reference to a token (a file, a Secret, an inventory entry) once it is resolved: it runs on what
/// <c>References/ReferenceAuditor</c> resolved (it needs the sources and probes), and is a rule like every other, so
/// configuration, metrics, SARIF and exemptions treat it alike.
/// </summary>
public interface IReferenceRule : IPolicyRule
{
    string? Evaluate(ResolvedReference resolved);
}

public sealed record TargetRuleHit(string Message, string? AuthorizationId = null, string? User = null);
