using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>Creates the client of one target, with the pooled, resilient HttpClient configured for it.</summary>
internal sealed class InfluxApiClientFactory(IHttpClientFactory httpClientFactory, IOptions<TokenGovernanceOptions> options)
{
    /// <summary>A body may take as long to read as one attempt may wait for its headers.</summary>
    public InfluxApiClient Create(TargetOptions target, string token, Auditing.ReadProgress? progress = null) =>
        new(httpClientFactory.CreateClient(InfluxHttpClientNames.For(target)), new Uri(target.Url), token, options.Value.Client.AttemptTimeout, progress);
}
