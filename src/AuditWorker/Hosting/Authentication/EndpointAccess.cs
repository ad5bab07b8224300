namespace TokenGovernance.AuditWorker.Hosting.Authentication;

public enum AccessVerdict
{
    /// <summary>Authenticated and allowed: the request is served.</summary>
    Allowed,

    /// <summary>No token, or one nobody accepts: 401.</summary>
    Unauthenticated,

    /// <summary>Authenticated, not allowed on this path: 403.</summary>
    Forbidden,

    /// <summary>The answer could not be had (the review API is down): 503, never the data.</summary>
    Unavailable,
}

/// <summary>The verdict on one request, the caller as far as it is known (never a token), and why when it is not served.</summary>
public sealed record EndpointAccess(AccessVerdict Verdict, string? Caller, string? Reason = null);

/// <summary>Decides who may read a guarded endpoint: <see cref="BearerTokenAuthenticator"/> or <see cref="KubernetesAuthenticator"/>.</summary>
public interface IEndpointAuthenticator
{
    /// <param name="token">The request's bearer token, or null when it sent none.</param>
    /// <param name="path">The guarded endpoint's path (<c>/tokens</c>, <c>/report</c>, <c>/metrics</c>).</param>
    Task<EndpointAccess> CheckAsync(string? token, string path, CancellationToken cancellationToken);
}

/// <summary>Marks an endpoint that shows the inventory (or, with ProtectMetrics, the metrics): <see cref="EndpointGuard"/> checks it.</summary>
public sealed record GuardedEndpoint(string Path);
