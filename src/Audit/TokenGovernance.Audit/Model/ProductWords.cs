namespace TokenGovernance.Audit.Model;

/// <summary>
/// A product's own words in findings, declared by its plug-in: how a fix is done there. The neutral words are for an
/// inventory no product named (one built in memory).
/// </summary>
public sealed record ProductWords
{
    public static ProductWords Neutral { get; } = new();

    /// <summary>TG2009's message: a token has no description, and how to give it one on this product.</summary>
    public string MissingDescription { get; init; } = "Token has no description; describe what uses it and who owns it";

    /// <summary>TG2003's evidence that an owner (this id) is gone.</summary>
    public Func<string, string> OwnerDeletedEvidence { get; init; } = _ => "the server says so";
}
