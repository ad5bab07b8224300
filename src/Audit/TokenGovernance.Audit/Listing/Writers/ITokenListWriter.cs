namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>Writes a token listing in one format (<c>table</c>, <c>json</c>, <c>csv</c>).</summary>
public interface ITokenListWriter
{
    string Format { get; }

    Task WriteAsync(TokenListing listing, Stream output, CancellationToken cancellationToken);
}
