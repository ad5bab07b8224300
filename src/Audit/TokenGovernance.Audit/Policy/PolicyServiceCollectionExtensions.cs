using Microsoft.Extensions.DependencyInjection.Extensions;
using TokenGovernance.Audit.Policy.Rules;

namespace TokenGovernance.Audit.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>Registers every audit rule (one class per rule) and the engine that runs them.</summary>
    public static IServiceCollection AddPolicyEngine(this IServiceCollection services)
    {
        services.AddSingleton<IPolicyRule, WriteTokenPersonalOwnerRule>();
        services.AddSingleton<IPolicyRule, TokenOwnerDeletedRule>();
        services.AddSingleton<IPolicyRule, AllAccessTokenRule>();
        services.AddSingleton<IPolicyRule, OperatorTokenRule>();
        services.AddSingleton<IPolicyRule, UnscopedBucketWriteRule>();
        services.AddSingleton<IPolicyRule, PrivilegedPermissionRule>();
        services.AddSingleton<IPolicyRule, TokenTooOldRule>();
        services.AddSingleton<IPolicyRule, MissingDescriptionRule>();
        services.AddSingleton<IPolicyRule, TokenOwnerInactiveRule>();
        services.AddSingleton<IPolicyRule, DanglingPermissionRule>();
        services.AddSingleton<IPolicyRule, StaleInactiveTokenRule>();
        services.AddSingleton<IPolicyRule, AuditCoverageLimitedRule>();
        services.AddSingleton<IPolicyRule, ExemptionExpiredRule>();
        services.AddSingleton<IPolicyRule, AdminTokenNeverExpiresRule>();
        services.AddSingleton<IPolicyRule, TooManyAdminTokensRule>();
        services.AddSingleton<IPolicyRule, AllDatabasesWriteRule>();
        services.AddSingleton<IPolicyRule, TokenExpiresSoonRule>();
        services.AddSingleton<IPolicyRule, ExpiredTokenKeptRule>();
        services.AddSingleton<IPolicyRule, ExpiredAtCreationRule>();
        services.AddSingleton<IPolicyRule, ReferencedTokenInactiveRule>();
        services.AddSingleton<IPolicyRule, ReferencedTokenUnknownRule>();
        services.AddSingleton<IPolicyRule, ReferencedTokenOwnerGoneRule>();
        services.AddSingleton<IPolicyRule, PlaintextTokenReferenceRule>();
        services.AddSingleton<PolicyRuleCatalog>();
        services.AddSingleton<PolicyEngine>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
