namespace TokenGovernance.Audit.Model;

/// <summary>A token's state as its product reports it (v2: active / inactive; v3 adds expired and revoked).</summary>
public enum TokenStatus
{
    Active,
    Inactive,
    Expired,
    Revoked,
}
