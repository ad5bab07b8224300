namespace TokenGovernance.Audit.Listing;

/// <summary>How many tokens of one target have one owner kind, access and status: a series of <c>tokengov_tokens</c>.</summary>
public sealed record TokenCount(string OwnerKind, string Access, string Status, int Count);
