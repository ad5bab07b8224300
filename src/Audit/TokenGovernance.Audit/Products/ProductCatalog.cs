using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Products;

/// <summary>
/// The products the registered plug-ins read, in registration order: what <c>Kind</c> accepts, which product a
/// target is, and the lists messages name (built from the plug-ins, so a new product changes none of them by hand).
/// </summary>
public sealed class ProductCatalog
{
    public ProductCatalog(IEnumerable<ProductDescriptor> products)
    {
        All = products.ToList();
        Kinds = All.Select(product => product.Kind).ToList();
        Default = All.FirstOrDefault(product => product.IsDefault);
    }

    public IReadOnlyList<ProductDescriptor> All { get; }

    /// <summary>The words <c>Kind</c> accepts.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The product of a target that names none.</summary>
    public ProductDescriptor? Default { get; }

    /// <summary>The product a <c>Kind</c> word names (case and surrounding blanks ignored; none: the default), or null.</summary>
    public ProductDescriptor? Find(string? kind) => All.FirstOrDefault(product => product.Reads(kind));

    public ProductDescriptor? Of(TargetOptions target) => Find(target.Kind);

    /// <summary>The target's kind as reports and metrics name it (the word as written when no product reads it).</summary>
    public string KindOf(TargetOptions target) => Of(target)?.Kind ?? target.Kind;

    /// <summary>The URL reports name the target by.</summary>
    public string UrlOf(TargetOptions target) => Of(target)?.UrlOf(target) ?? target.Url;

    /// <summary>Whether the product of this kind word can deactivate and re-issue its tokens.</summary>
    public bool ChangesTokens(string? kind) => Find(kind)?.ChangesTokens == true;

    /// <summary>The kind words of the products that have a property, as a message names them (<c>a and b</c>).</summary>
    public string KindsWhere(Func<ProductDescriptor, bool> predicate) => And(All.Where(predicate).Select(product => product.Kind));

    /// <summary>The API names of the products that have a property (each once), as a message names them.</summary>
    public string ApiNamesWhere(Func<ProductDescriptor, bool> predicate, bool shortNames = false) =>
        And(All.Where(predicate).Select(product => shortNames ? product.ShortName ?? product.ApiName : product.ApiName));

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>: the distinct words in order.</summary>
    public static string And(IEnumerable<string> words) => Choices.Listed(words, "and");
}
