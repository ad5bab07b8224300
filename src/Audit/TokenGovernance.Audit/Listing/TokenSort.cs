namespace TokenGovernance.Audit.Listing;

/// <summary>The orders of <c>--sort</c>.</summary>
public enum TokenSort
{
    /// <summary>By target, then token id (the default).</summary>
    Target,

    /// <summary>Newest first.</summary>
    Created,

    /// <summary>Oldest first: what has been around longest comes up top.</summary>
    Age,

    /// <summary>By owner name (tokens without an owner last), then target and id.</summary>
    Owner,
}
