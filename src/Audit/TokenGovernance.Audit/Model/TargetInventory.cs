namespace TokenGovernance.Audit.Model;

/// <summary>What one audit read from one target, in product-neutral terms: the input of the policy rules.</summary>
public sealed class TargetInventory
{
    public required string TargetName { get; init; }

    /// <summary>The product as the report names it: <c>oss</c>, <c>cloud</c> (v2), <c>core</c>, <c>enterprise</c> (v3), <c>cloud-dedicated</c>, <c>clustered</c>.</summary>
    public required string Product { get; init; }

    /// <summary>The kind of target read (the product plug-in's <c>Kind</c> word).</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The product's words in findings (how a fix is done there).</summary>
    public ProductWords Words { get; init; } = ProductWords.Neutral;

    /// <summary>InfluxDB 3: the server answered without any token (<c>--without-auth</c>): everyone is an admin (TG2101).</summary>
    public bool AuthenticationDisabled { get; init; }

    public required ProductCapabilities Capabilities { get; init; }

    public required IReadOnlyList<Scope> Scopes { get; init; }

    public required IReadOnlyDictionary<string, Principal> PrincipalsById { get; init; }

    /// <summary>Owners the product says no longer exist.</summary>
    public required IReadOnlySet<string> DeletedPrincipalIds { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    /// <summary>The principal of the audit token, where the product has one.</summary>
    public Principal? AuditPrincipal { get; init; }

    /// <summary>
    /// Only some owners' tokens were read (<c>tokens --user</c>): the per-token rules hold, the rules over the whole
    /// target (coverage, counts) do not run.
    /// </summary>
    public bool IsPartial { get; init; }

    /// <summary>Principals the listing returned (before owner lookups): for the coverage check.</summary>
    public int ListedPrincipalCount { get; init; }

    /// <summary>The inventory of a product without users or orgs (InfluxDB 3, Cloud Dedicated, Clustered): its tokens only.</summary>
    public static TargetInventory OfTokensOnly(
        string targetName, string product, string kind, ProductWords words, ProductCapabilities capabilities, IReadOnlyList<Token> tokens, bool authenticationDisabled = false) => new()
        {
            TargetName = targetName,
            Product = product,
            Kind = kind,
            Words = words,
            Capabilities = capabilities,
            Scopes = [],
            PrincipalsById = new Dictionary<string, Principal>(StringComparer.Ordinal),
            DeletedPrincipalIds = new HashSet<string>(StringComparer.Ordinal),
            Tokens = tokens,
            AuthenticationDisabled = authenticationDisabled,
        };

    private Dictionary<string, string>? _scopeNames;

    /// <summary>By id, from a dictionary built on first use: asked once per finding, over hundreds of scopes.</summary>
    public string? ScopeName(string? scopeId)
    {
        if (scopeId is null)
        {
            return null;
        }

        _scopeNames ??= Scopes.GroupBy(scope => scope.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Name, StringComparer.Ordinal);
        return _scopeNames.GetValueOrDefault(scopeId);
    }

    public Principal? Owner(Token token) =>
        token.OwnerId is not null && PrincipalsById.TryGetValue(token.OwnerId, out var principal) ? principal : null;

    public string? OwnerName(Token token) => token.OwnerName ?? Owner(token)?.Name;

    public bool IsDeleted(string? principalId) => principalId is not null && DeletedPrincipalIds.Contains(principalId);
}
