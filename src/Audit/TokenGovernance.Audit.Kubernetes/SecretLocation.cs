using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>A Secret key as a reference names it: <c>namespace/name#key</c>.</summary>
internal readonly record struct SecretLocation(string Namespace, string Name, string Key)
{
    public string PreviousKey => Key + ReissueFlow.PreviousSuffix;

    /// <summary><c>namespace/name</c>: the Secret, whatever the key.</summary>
    public string Secret => $"{Namespace}/{Name}";

    public override string ToString() => $"{Namespace}/{Name}#{Key}";

    public static SecretLocation Parse(string location)
    {
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var hash = location.IndexOf('#', StringComparison.Ordinal);
        return slash > 0 && hash > slash + 1 && hash < location.Length - 1
            ? new SecretLocation(location[..slash], location[(slash + 1)..hash], location[(hash + 1)..])
            : throw new RewriteException($"kubernetes-secret '{location}' is not namespace/name#key");
    }
}
