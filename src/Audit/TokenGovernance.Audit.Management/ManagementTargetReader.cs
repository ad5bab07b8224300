using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Management;

/// <summary>Reads a Cloud Dedicated or Clustered target: its database tokens, through the management API.</summary>
public sealed class ManagementTargetReader(IHttpClientFactory httpClientFactory, IOptions<TokenGovernanceOptions> options, TimeProvider time) : ITargetReader
{
    public bool CanRead(TargetOptions target) => ManagementProducts.Of(target) is not null;

    public async Task<TargetRead> ReadAsync(TargetOptions target, string auditToken, ReadProgress progress, ReadScope scope, CancellationToken cancellationToken)
    {
        var client = new ManagementClient(
            httpClientFactory.CreateClient(InfluxHttpClientNames.For(target)), target, auditToken, options.Value.Client.AttemptTimeout, progress);
        var now = time.GetUtcNow();
        var listed = await client.ListTokensAsync(cancellationToken);
        var tokens = new List<Token>(listed.Count);
        foreach (var token in listed)
        {
            tokens.Add(ManagementMapping.ToToken(token, now));
            progress.TokenRead();
        }

        var product = ManagementProducts.Of(target)!;
        var inventory = TargetInventory.OfTokensOnly(target.Name, product.Kind, product.Kind, product.Words, ManagementMapping.Capabilities, tokens);

        // The API shows neither values nor hashes: references match by declared id only.
        return new TargetRead(inventory, NoTokenProbe.Instance);
    }
}
