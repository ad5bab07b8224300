using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2006: write on all buckets of an org rather than on named buckets.</summary>
public sealed class UnscopedBucketWriteRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.Orgs;

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.UnscopedBucketWrite, "unscoped-bucket-write", Severity.Medium, "Write on every bucket of an org");

    public string? Evaluate(Token token, PolicyContext context) =>
        PermissionShapes.HasOrgWideBucketWrite(token) && !PermissionShapes.IsOverBroad(token)
            ? "Token can write to every bucket of the org, including buckets created later; scope the write permission to bucket ids"
            : null;
}
