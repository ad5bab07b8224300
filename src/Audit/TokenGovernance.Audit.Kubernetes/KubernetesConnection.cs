using k8s;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>How the Kubernetes source and the Secret rewriter reach the API: the configured kubeconfig, else in-cluster, else <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
internal static class KubernetesConnection
{
    public static KubernetesClientConfiguration Configuration(KubernetesSourceOptions options) =>
        !string.IsNullOrWhiteSpace(options.Kubeconfig) ? KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig)
        : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
        : KubernetesClientConfiguration.BuildConfigFromConfigFile();

    /// <summary>A client whose every answer is read whole, cancellably and bounded (<see cref="BufferedResponseHandler"/>).</summary>
    public static k8s.Kubernetes Client(KubernetesClientConfiguration configuration) => new(configuration, new BufferedResponseHandler());
}
