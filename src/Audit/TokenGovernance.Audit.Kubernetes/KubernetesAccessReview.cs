using k8s;
using k8s.Models;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>What the Kubernetes API says of a caller's token and a path: who it is, and whether it may <c>get</c> the path.</summary>
/// <param name="Authenticated">The TokenReview accepted the token.</param>
/// <param name="User">The user name the TokenReview answered (null when not authenticated).</param>
/// <param name="Allowed">The SubjectAccessReview allowed <c>get</c> on the non-resource URL.</param>
public sealed record AccessReviewResult(bool Authenticated, string? User, bool Allowed);

/// <summary>
/// The Kubernetes way of guarding an HTTP endpoint, as kube-rbac-proxy does it: the caller's bearer token through a
/// <c>TokenReview</c> (authentication.k8s.io/v1), then a <c>SubjectAccessReview</c> (authorization.k8s.io/v1) for
/// <c>get</c> on the path as a non-resource URL. The worker's service account needs <c>system:auth-delegator</c>.
/// Any failure to make a review throws: the caller denies (fails closed).
/// </summary>
public sealed class KubernetesAccessReview : IDisposable
{
    private readonly Lazy<k8s.Kubernetes> _client;

    /// <param name="kubeconfig">A kubeconfig file; null: in-cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</param>
    public KubernetesAccessReview(string? kubeconfig) =>
        _client = new Lazy<k8s.Kubernetes>(() => KubernetesConnection.Client(
            !string.IsNullOrWhiteSpace(kubeconfig) ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
            : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile()));

    public async Task<AccessReviewResult> ReviewAsync(string token, string path, CancellationToken cancellationToken)
    {
        var review = await _client.Value.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { ApiVersion = "authentication.k8s.io/v1", Kind = "TokenReview", Spec = new V1TokenReviewSpec { Token = token } },
            cancellationToken: cancellationToken);
        if (review.Status is not { Authenticated: true, User: { } user })
        {
            return new AccessReviewResult(false, null, false);
        }

        var access = await _client.Value.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview
            {
                ApiVersion = "authorization.k8s.io/v1",
                Kind = "SubjectAccessReview",
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user.Username,
                    Uid = user.Uid,
                    Groups = user.Groups,
                    Extra = user.Extra,
                    NonResourceAttributes = new V1NonResourceAttributes { Path = path, Verb = "get" },
                },
            },
            cancellationToken: cancellationToken);
        return new AccessReviewResult(true, user.Username, access.Status?.Allowed == true);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
