namespace TokenGovernance.Audit.Model;

/// <summary>Where a reference sits: <c>file</c>, <c>kubernetes-secret</c>, <c>kubernetes-configmap</c> or <c>inventory</c>.</summary>
public static class ReferenceSources
{
    public const string File = "file";
    public const string KubernetesSecret = "kubernetes-secret";
    public const string KubernetesConfigMap = "kubernetes-configmap";
    public const string Inventory = "inventory";

    /// <summary>Appended to a file's name or a Secret key's: where a re-issue keeps the value it replaced until the old token is retired.</summary>
    public const string PreviousCopySuffix = ".tokengov-previous";
}

/// <summary>
/// A token reference as read from a source. <see cref="Value"/> is the raw secret: it is hashed into
/// <see cref="Fingerprint"/> at read time, used for at most one probe, and then dropped with this object.
/// </summary>
public sealed class FoundReference
{
    public required string Source { get; init; }

    /// <summary><c>path:line</c> or <c>namespace/name#key</c>; never the value.</summary>
    public required string Location { get; init; }

    public string? Value { get; init; }

    public string? Fingerprint { get; init; }

    /// <summary>Declared by an annotation or the inventory.</summary>
    public string? DeclaredAuthorizationId { get; init; }

    /// <summary>In a ConfigMap or a <c>plain</c> file rather than a secret store (TG2013).</summary>
    public bool Plaintext { get; init; }
}

/// <summary>What one source found, or why it could not be read.</summary>
public sealed record SourceScan(string Source, IReadOnlyList<FoundReference> References, string? Error);
