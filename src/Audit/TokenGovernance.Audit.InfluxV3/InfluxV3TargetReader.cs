using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>
/// Reads an InfluxDB 3 Core or Enterprise target: every row of <c>system.tokens</c>, the edition
/// (<c>x-influxdb-build</c>), and whether the server answers without a token. There are no users and no orgs.
/// </summary>
public sealed class InfluxV3TargetReader(IHttpClientFactory httpClientFactory, IOptions<TokenGovernanceOptions> options, TimeProvider time) : ITargetReader
{
    public bool CanRead(TargetOptions target) => InfluxV3Product.Reads(target);

    public async Task<TargetRead> ReadAsync(TargetOptions target, string auditToken, ReadProgress progress, ReadScope scope, CancellationToken cancellationToken)
    {
        var client = new InfluxV3Client(
            httpClientFactory.CreateClient(InfluxHttpClientNames.For(target)), new Uri(target.Url), auditToken, options.Value.Client.AttemptTimeout, progress);
        var now = time.GetUtcNow();
        var rows = await client.ListTokensAsync(cancellationToken);
        var tokens = new List<Token>(rows.Count);
        foreach (var row in rows)
        {
            tokens.Add(InfluxV3Mapping.ToToken(row, now));
            progress.TokenRead();
        }

        var withoutAuth = await client.AnswersWithoutTokenAsync(cancellationToken);
        var build = client.ServerBuild ?? await client.PingBuildAsync(cancellationToken);
        var inventory = TargetInventory.OfTokensOnly(
            target.Name, InfluxV3Mapping.Edition(build, tokens), InfluxV3Product.Kind, InfluxV3Product.Descriptor.Words, InfluxV3Mapping.Capabilities, tokens, withoutAuth);

        // A found value is matched by its hash prefix, computed here; nothing is ever sent to this server with it.
        return new TargetRead(inventory, NoTokenProbe.Instance);
    }
}
