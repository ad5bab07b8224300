namespace TokenGovernance.Audit.Model;

public enum PrincipalStatus
{
    Active,
    Inactive,

    /// <summary>The product says the principal no longer exists (v2: <c>GET /api/v2/users/{id}</c> answered 404).</summary>
    Deleted,

    /// <summary>The product does not say.</summary>
    Unknown,
}
