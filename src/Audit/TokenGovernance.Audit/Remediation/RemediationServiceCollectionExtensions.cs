namespace TokenGovernance.Audit.Remediation;

public static class RemediationServiceCollectionExtensions
{
    /// <summary>The applier; each product registers its <see cref="ITokenActions"/> with its reader.</summary>
    public static IServiceCollection AddRemediation(this IServiceCollection services) => services.AddSingleton<RemediationApplier>();
}
