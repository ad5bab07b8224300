using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Products;

/// <summary>
/// One kind of target a product plug-in reads (<c>Kind</c> on a target), and what the engine, the validators, the
/// reports and the CLI need to know of it without naming it. Declared by the plug-in's project; the engine keeps no
/// list of products (<see cref="ProductCatalog"/> is built from the registered plug-ins).
/// </summary>
public sealed record ProductDescriptor
{
    /// <summary>The word <c>Kind</c> takes (lower case): also the <c>kind</c> of reports and the metrics' label.</summary>
    public required string Kind { get; init; }

    /// <summary>How messages name the API that changes or cannot change its tokens (<c>InfluxDB v2</c>).</summary>
    public required string ApiName { get; init; }

    /// <summary>The short name of <see cref="ApiName"/> in a parenthesis (<c>v2</c>); <see cref="ApiName"/> unless set.</summary>
    public string? ShortName { get; init; }

    /// <summary>Read when a target names no <c>Kind</c> (one product is).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Whether the target needs its <c>Url</c> (a product read through a separate management API may not).</summary>
    public bool NeedsUrl { get; init; } = true;

    /// <summary>Organizations: a target's <c>Orgs</c> applies, and summaries count orgs and users.</summary>
    public bool HasOrgs { get; init; }

    /// <summary>Its tokens can be deactivated and re-issued (the plug-in registers an <c>ITokenActions</c> for it).</summary>
    public bool ChangesTokens { get; init; }

    /// <summary>The keys of a target's section this product owns (its settings type's), besides the engine's.</summary>
    public IReadOnlyList<string> SettingKeys { get; init; } = [];

    /// <summary>Binds the product's settings type from a target's keys (a lookup by key); null when it has none.</summary>
    public Func<Func<string, string?>, object>? BindSettings { get; init; }

    /// <summary>The URL reports name a target by; its <c>Url</c> unless the product says otherwise.</summary>
    public Func<TargetOptions, string>? ReportedUrl { get; init; }

    public ProductWords Words { get; init; } = ProductWords.Neutral;

    public string UrlOf(TargetOptions target) => ReportedUrl?.Invoke(target) ?? target.Url;

    /// <summary>Whether a <c>Kind</c> word names this product (case and surrounding blanks ignored; none: the default product).</summary>
    public bool Reads(string? kind) => string.IsNullOrWhiteSpace(kind) ? IsDefault : string.Equals(kind.Trim(), Kind, StringComparison.OrdinalIgnoreCase);

    public bool Reads(TargetOptions target) => Reads(target.Kind);
}
