using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Kubernetes;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary>
/// <c>Http:Authentication:Mode = kubernetes</c>: the caller's token reviewed by the Kubernetes API (TokenReview, then
/// SubjectAccessReview for <c>get</c> on the path). Answers are kept for <c>CacheDuration</c> in a bounded cache keyed
/// by a SHA-256 of the token (never the token itself); a review that cannot be made is never cached and denies.
/// </summary>
public sealed class KubernetesAuthenticator : IEndpointAuthenticator, IDisposable
{
    /// <summary>At most this many (token, path) answers are kept.</summary>
    public const int CacheEntries = 1024;

    private readonly KubernetesAccessReview _review;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheEntries });
    private readonly TimeSpan _cacheDuration;

    public KubernetesAuthenticator(IOptions<HttpEndpointOptions> options)
    {
        var settings = options.Value.Authentication;
        _review = new KubernetesAccessReview(settings.Kubeconfig);
        _cacheDuration = settings.CacheDuration;
    }

    /// <summary>How many answers the cache holds now (for tests of its bound).</summary>
    public int Cached => _cache.Count;

    public async Task<EndpointAccess> CheckAsync(string? token, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new EndpointAccess(AccessVerdict.Unauthenticated, null, "no bearer token");
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))) + " " + path;
        if (_cache.TryGetValue(key, out EndpointAccess? known) && known is not null)
        {
            return known;
        }

        EndpointAccess access;
        try
        {
            var result = await _review.ReviewAsync(token, path, cancellationToken);
            access = !result.Authenticated ? new EndpointAccess(AccessVerdict.Unauthenticated, null, "the TokenReview did not authenticate the token")
                : result.Allowed ? new EndpointAccess(AccessVerdict.Allowed, result.User)
                : new EndpointAccess(AccessVerdict.Forbidden, result.User, $"the SubjectAccessReview does not allow get on {path}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Fail closed: the data is never served on a review that could not be made, and nothing is cached.
            var cause = exception is k8s.Autorest.HttpOperationException http ? $"the Kubernetes API answered {(int)http.Response.StatusCode}"
                : exception is HttpRequestException request ? "the Kubernetes API is unreachable: " + TransportErrors.Describe(request)
                : $"{exception.GetType().Name}: {ServerText.OneLine(exception.Message, token)}";
            return new EndpointAccess(AccessVerdict.Unavailable, null, "the token could not be reviewed (" + cause + ")");
        }

        if (_cacheDuration > TimeSpan.Zero)
        {
            _cache.Set(key, access, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _cacheDuration });
        }

        return access;
    }

    public void Dispose()
    {
        _cache.Dispose();
        _review.Dispose();
    }
}
