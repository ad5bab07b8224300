namespace TokenGovernance.Audit.Model;

/// <summary>
/// What a product can tell about its tokens. A rule that needs what a product cannot tell does not run on it
/// (it never guesses): owners for "personal owner" rules, a status for "inactive" rules, an expiry for expiry rules,
/// organizations (v2's resource model: org-wide, instance-wide, buckets) for the rules about v2 permission shapes.
/// <see cref="HashesValues"/>: the product lists a hash prefix of every token, so a found value is matched by its hash.
/// </summary>
public sealed record ProductCapabilities(bool HasOwners, bool HasStatus, bool HasExpiry, bool FillsScopeNames, bool HasOrgs = false, bool HashesValues = false)
{
    public bool Provides(ProductCapabilities required) =>
        (!required.HasOwners || HasOwners) && (!required.HasStatus || HasStatus)
        && (!required.HasExpiry || HasExpiry) && (!required.FillsScopeNames || FillsScopeNames)
        && (!required.HasOrgs || HasOrgs);

    /// <summary>What a rule that needs nothing in particular requires.</summary>
    public static ProductCapabilities None { get; } = new(false, false, false, false);

    /// <summary>What a rule about v2 permission shapes requires.</summary>
    public static ProductCapabilities Orgs { get; } = None with { HasOrgs = true };
}
