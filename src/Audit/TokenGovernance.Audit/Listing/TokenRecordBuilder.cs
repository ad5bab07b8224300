using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Listing;

/// <summary>Turns one target's inventory into what the listing shows: <see cref="TokenRecord"/>s, or only their counts.</summary>
public sealed class TokenRecordBuilder(PolicyEngine policy, TimeProvider time)
{
    /// <summary>
    /// A record per token, or with <paramref name="keep"/> only per token it keeps (then with its findings attached,
    /// which <c>--finding</c> needs).
    /// </summary>
    public List<TokenRecord> Build(
        TargetInventory inventory, IReadOnlyDictionary<string, List<TokenReferenceRecord>>? referencesByToken,
        IReadOnlyList<Finding> findings, TokenQuery? keep = null)
    {
        var records = new List<TokenRecord>(keep is null ? inventory.Tokens.Count : 0);
        var ownerKinds = new OwnerKindCache(inventory, policy);
        var findingsByToken = keep is null ? null : ReportFinding.ByToken(findings);
        var now = time.GetUtcNow();
        foreach (var token in inventory.Tokens)
        {
            var record = new TokenRecord
            {
                Target = inventory.TargetName,
                Product = inventory.Product,
                Id = token.Id,
                Description = token.Description,
                Name = token.Name,
                OwnerId = token.OwnerId,
                OwnerName = inventory.OwnerName(token),
                OwnerKind = ownerKinds.Of(token),
                OwnerStatus = OwnerKinds.StatusOf(token, inventory),
                ScopeId = token.ScopeId,
                ScopeName = token.ScopeName ?? inventory.ScopeName(token.ScopeId),
                Kind = TokenKinds.Name(token.Kind),
                Status = TokenKinds.Name(token.Status),
                Access = TokenAccess.Of(token),
                Permissions = Permissions(token),
                CreatedAt = Known(token.CreatedAt),
                UpdatedAt = Known(token.UpdatedAt),
                ExpiresAt = Known(token.ExpiresAt),
                CreatedBy = token.CreatedBy,
                ValueVisibility = TokenKinds.Name(token.Value.Visibility),
                Fingerprint = token.Value.Fingerprint,
                References = referencesByToken is not null && referencesByToken.TryGetValue(token.Id, out var held) ? held : [],
                Findings = findingsByToken is null ? null : findingsByToken.GetValueOrDefault(token.Id) ?? [],
            };
            if (keep is null || keep.Matches(record, now))
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The <c>tokengov_tokens</c> series of one inventory, without building a record per token.</summary>
    public List<TokenCount> Count(TargetInventory inventory)
    {
        var counts = new Dictionary<(string OwnerKind, string Access, string Status), int>();
        var ownerKinds = new OwnerKindCache(inventory, policy);
        foreach (var token in inventory.Tokens)
        {
            var key = (ownerKinds.Of(token), TokenAccess.Of(token), TokenKinds.Name(token.Status));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.Select(pair => new TokenCount(pair.Key.OwnerKind, pair.Key.Access, pair.Key.Status, pair.Value)).ToList();
    }

    private static PermissionRecord[] Permissions(Token token)
    {
        var permissions = new PermissionRecord[token.Permissions.Count];
        for (var index = 0; index < permissions.Length; index++)
        {
            var permission = token.Permissions[index];
            permissions[index] = new PermissionRecord(
                permission.Action, permission.ResourceType, permission.ScopeId, permission.ScopeName, permission.ResourceId, permission.ResourceName);
        }

        return permissions;
    }

    /// <summary>An owner's kind, matched against the configured patterns once per owner rather than once per token.</summary>
    private sealed class OwnerKindCache(TargetInventory inventory, PolicyEngine policy)
    {
        private readonly Dictionary<(string Id, string? Name), string> _byOwner = [];

        public string Of(Token token)
        {
            if (token.OwnerId is null)
            {
                return OwnerKinds.None;
            }

            // Keyed by the name on the token too: the listing's name may differ from the owner's current one.
            var key = (token.OwnerId, token.OwnerName);
            if (!_byOwner.TryGetValue(key, out var kind))
            {
                kind = OwnerKinds.Of(token, inventory, policy.GenericUsers, policy.AdminUsers);
                _byOwner[key] = kind;
            }

            return kind;
        }
    }

    /// <summary>InfluxDB writes <c>0001-01-01T00:00:00Z</c> for "never set": the listing shows nothing instead.</summary>
    private static DateTimeOffset? Known(DateTimeOffset? time) => PermissionShapes.IsKnown(time) ? time : null;
}
