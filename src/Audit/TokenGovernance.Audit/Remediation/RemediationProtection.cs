using System.Text.RegularExpressions;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Why a token must not be touched, or null. Always: operator and admin tokens, and every token of the audit token's
/// own user (tokengov cannot tell which of them it runs with: OSS ≥ 2.9 and Cloud never show values). Then what
/// <c>Remediation:Protect</c> lists: token ids, owner names or ids, description patterns.
/// </summary>
public sealed class RemediationProtection(ProtectOptions protect)
{
    private readonly Regex[] _descriptions = protect.DescriptionPatterns.Select(UserMatcher.Anchor).ToArray();

    public string? Reason(string tokenId, string kind, string? ownerId, string? ownerName, string? description, Model.Principal? auditUser)
    {
        if (kind is "operator" or "admin" or "named-admin")
        {
            return $"an {kind} token: always protected";
        }

        if (auditUser is not null && ownerId == auditUser.Id)
        {
            return $"owned by the audit token's user '{auditUser.Name}': tokengov never touches the tokens it may be running with";
        }

        if (protect.TokenIds.Contains(tokenId, StringComparer.Ordinal))
        {
            return "listed in Remediation:Protect:TokenIds";
        }

        if (protect.Users.Any(user => user == ownerId || user == ownerName))
        {
            return $"its owner '{ownerName ?? ownerId}' is listed in Remediation:Protect:Users";
        }

        for (var index = 0; index < _descriptions.Length; index++)
        {
            if (description is not null && _descriptions[index].IsMatch(description))
            {
                return $"its description matches Remediation:Protect:DescriptionPatterns:{index}";
            }
        }

        return null;
    }
}
