using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// The one list of the engine's audit rules (one class per rule, in id order): the container registers them from here,
/// and with each product plug-in's own rules (<see cref="IProductPlugin.Rules"/>) it is what the metrics, the rule
/// catalogue test and the generated index of docs/rules/README.md read. A new rule is its file, its line here, its doc
/// page and its test.
/// </summary>
public static class PolicyRules
{
    public static IReadOnlyList<IPolicyRule> All { get; } =
    [
        new WriteTokenPersonalOwnerRule(),
        new ReferencedTokenInactiveRule(),
        new TokenOwnerDeletedRule(),
        new AllAccessTokenRule(),
        new OperatorTokenRule(),
        new UnscopedBucketWriteRule(),
        new PrivilegedPermissionRule(),
        new TokenTooOldRule(),
        new MissingDescriptionRule(),
        new TokenOwnerInactiveRule(),
        new ReferencedTokenUnknownRule(),
        new ReferencedTokenOwnerGoneRule(),
        new PlaintextTokenReferenceRule(),
        new DanglingPermissionRule(),
        new StaleInactiveTokenRule(),
        new AuditCoverageLimitedRule(),
        new ExemptionExpiredRule(),
        new AdminTokenNeverExpiresRule(),
        new TooManyAdminTokensRule(),
        new AllDatabasesWriteRule(),
        new TokenExpiresSoonRule(),
        new ExpiredTokenKeptRule(),
        new ExpiredAtCreationRule(),
    ];

    /// <summary>The engine's rules and those of <paramref name="plugins"/>, in id order: every rule a host runs.</summary>
    public static IReadOnlyList<IPolicyRule> With(IEnumerable<IProductPlugin> plugins) =>
        [.. All.Concat(plugins.SelectMany(plugin => plugin.Rules)).OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal)];
}
