using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Changes v2 tokens (OSS and Cloud) for remediation: reads one with <c>GET /api/v2/authorizations/{id}</c> and sets its
/// status with <c>PATCH</c>, the only reversible change v2 offers (permissions can never be changed).
/// </summary>
public sealed class InfluxV2TokenActions(InfluxApiClientFactory clientFactory) : ITokenActions
{
    public bool CanAct(TargetOptions target) => target.ParsedKind == TargetKind.InfluxDb2;

    public async Task<ITokenActionSession> OpenAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(target, await TokenSource.ReadAsync(target, cancellationToken));
        var me = await client.GetMeAsync(cancellationToken);
        var types = (await client.ListResourceTypesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new Session(client, InfluxV2Mapping.ToPrincipal(me), types);
    }

    private sealed class Session(InfluxApiClient client, Model.Principal actor, IReadOnlySet<string> types) : ITokenActionSession
    {
        public Model.Principal Actor => actor;

        public async Task<CurrentToken?> ReadAsync(string tokenId, CancellationToken cancellationToken)
        {
            if (await client.FindAuthorizationAsync(tokenId, cancellationToken) is not { } authorization)
            {
                return null;
            }

            var token = InfluxV2Mapping.ToToken(authorization, types);
            return new CurrentToken(
                token.Id, TokenKinds.Name(token.Status), Policy.PermissionShapes.IsKnown(token.UpdatedAt) ? token.UpdatedAt : null,
                PermissionsDigest.Of(token.Permissions), TokenKinds.Name(token.Kind), token.OwnerId, token.OwnerName, token.Description);
        }

        public async Task SetActiveAsync(string tokenId, bool active, CancellationToken cancellationToken) =>
            await client.SetAuthorizationStatusAsync(tokenId, active ? "active" : "inactive", cancellationToken);
    }
}
