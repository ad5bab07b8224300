namespace TokenGovernance.Audit.Model;

/// <summary>What tokens are scoped to: a v2 organization (later: a database).</summary>
public sealed record Scope(string Id, string Name);
