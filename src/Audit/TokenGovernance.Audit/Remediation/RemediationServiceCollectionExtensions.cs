namespace TokenGovernance.Audit.Remediation;

public static class RemediationServiceCollectionExtensions
{
    /// <summary>
    /// The applier, re-issue and its rollback, and the file rewriter; each product registers its <see cref="ITokenActions"/>
    /// with its reader, and the Kubernetes source its Secret rewriter.
    /// </summary>
    public static IServiceCollection AddRemediation(this IServiceCollection services) => services
        .AddSingleton<RemediationApplier>()
        .AddSingleton<ReissueApplier>()
        .AddSingleton<ReissueUndoer>()
        .AddSingleton<ServiceUserLookup>()
        .AddSingleton<IReferenceRewriter, FileReferenceRewriter>();
}
