namespace TokenGovernance.Audit.Model;

/// <summary>What kind of token it is, as far as its permissions or its product say.</summary>
public enum TokenKind
{
    /// <summary>Anything scoped: buckets, org-wide types, databases.</summary>
    Custom,

    /// <summary>v2: a permission with neither org nor resource id; it controls the whole instance.</summary>
    Operator,

    /// <summary>v2: org-wide read and write on every resource type of one org (the UI's "All Access").</summary>
    AllAccess,

    /// <summary>v3: the operator token (<c>_admin</c>).</summary>
    Admin,

    /// <summary>v3 Enterprise: an admin token with a name.</summary>
    NamedAdmin,

    /// <summary>v3: a token with resource permissions (databases, system tables).</summary>
    Resource,

    /// <summary>Cloud Dedicated / Clustered: a database token.</summary>
    Database,
}
