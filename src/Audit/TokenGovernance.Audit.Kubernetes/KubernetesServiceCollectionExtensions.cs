using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>Secrets and ConfigMaps as a reference source (<c>TokenGovernance:References:Kubernetes</c>), and Secrets as a place a re-issue rewrites.</summary>
    public static IServiceCollection AddKubernetesReferences(this IServiceCollection services) => services
        .AddSingleton<IReferenceSource, KubernetesReferenceSource>()
        .AddSingleton<Remediation.IReferenceRewriter, KubernetesSecretRewriter>();
}
