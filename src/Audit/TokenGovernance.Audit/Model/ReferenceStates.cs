namespace TokenGovernance.Audit.Model;

/// <summary>The states of a reference (the <c>state</c> label of <c>tokengov_references</c>).</summary>
public static class ReferenceStates
{
    public const string Working = "working";
    public const string Inactive = "inactive";
    public const string Unknown = "unknown";
    public const string OwnerGone = "owner-gone";
    public const string Unresolved = "unresolved";

    public static readonly IReadOnlyList<string> All = [Working, Inactive, Unknown, OwnerGone, Unresolved];
}

/// <summary>How a reference was matched to its token or its state (<c>matchedBy</c> in reports and listings).</summary>
public static class ReferenceMatches
{
    /// <summary>Declared: an annotation or the inventory names the token id.</summary>
    public const string Id = "id";

    /// <summary>The server returned the value (OSS ≤ 2.8) and its fingerprint equals the found one's.</summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>InfluxDB 3: the first 9 hex characters of the found value's SHA-512, computed here, equal <c>system.tokens.hash</c>.</summary>
    public const string HashPrefix = "hash-prefix";

    /// <summary>One read-only call with the value told its state (v2 <c>GET /api/v2/me</c>), not which token it is.</summary>
    public const string Probe = "probe";
}
