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
