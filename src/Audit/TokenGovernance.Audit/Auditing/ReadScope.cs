namespace TokenGovernance.Audit.Auditing;

/// <summary>
/// What a read must cover. <see cref="All"/> (every audit) reads every token; a scope with <see cref="Owners"/> lets
/// a reader fetch only those owners' tokens where its product can filter on the server (v2: one
/// <c>GET /api/v2/authorizations?userID=</c> per owner), as <c>tokengov tokens --user</c> asks. A reader may always read
/// more; whatever it reads less makes the inventory <see cref="Model.TargetInventory.IsPartial"/>.
/// </summary>
public sealed record ReadScope(IReadOnlyList<string> Owners)
{
    public static ReadScope All { get; } = new([]);

    public bool IsNarrowed => Owners.Count > 0;
}
