using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Changes v2 tokens (OSS and Cloud) for remediation: reads one with <c>GET /api/v2/authorizations/{id}</c>, sets its
/// status or description with <c>PATCH</c> (the only changes v2 offers: permissions can never be changed), and for a
/// re-issue creates one for another user (<c>POST</c>), probes it (<c>GET /api/v2/me</c> with it) and deletes one.
/// </summary>
internal sealed class InfluxV2TokenActions(InfluxApiClientFactory clientFactory) : ITokenActions
{
    public bool CanAct(TargetOptions target) => InfluxV2Product.Reads(target);

    public async Task<ITokenActionSession> OpenAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var token = await TokenSource.ReadAsync(target, cancellationToken);
        var client = clientFactory.Create(target, token);
        var me = await client.GetMeAsync(cancellationToken);
        var types = (await client.ListResourceTypesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new Session(clientFactory, target, client, InfluxV2Mapping.ToPrincipal(me), types, TokenRedaction.Fingerprint(token));
    }

    private sealed class Session(
        InfluxApiClientFactory clientFactory, TargetOptions target, InfluxApiClient client, Model.Principal actor, IReadOnlySet<string> types, string auditFingerprint)
        : ITokenActionSession
    {
        private List<InfluxAuthorization>? _own;

        public Model.Principal Actor => actor;

        /// <summary>The configured flavor, else what the server said (OSS sends <c>X-Influxdb-Build: OSS</c>; Cloud sends none).</summary>
        private bool IsOss => (InfluxFlavorNames.TryParse(target.ProductSettings<InfluxV2Settings>().Flavor, out var flavor) ? flavor : InfluxFlavor.Auto) switch
        {
            InfluxFlavor.Oss => true,
            InfluxFlavor.Cloud => false,
            _ => string.Equals(client.ServerBuild, "OSS", StringComparison.OrdinalIgnoreCase),
        };

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

        public async Task SetDescriptionAsync(string tokenId, string description, CancellationToken cancellationToken) =>
            await client.SetAuthorizationDescriptionAsync(tokenId, description, cancellationToken);

        /// <summary>By id when it has an id's shape (16 hex digits: anything else is a 400 on OSS), else, or when there is none, by name.</summary>
        public async Task<Model.Principal?> FindUserAsync(string idOrName, CancellationToken cancellationToken)
        {
            if (idOrName.Length == 16 && idOrName.All(char.IsAsciiHexDigitLower) && await client.FindUserAsync(idOrName, cancellationToken) is { } byId)
            {
                return InfluxV2Mapping.ToPrincipal(byId);
            }

            var byName = await client.FindUsersByNameAsync(idOrName, cancellationToken);
            return byName.FirstOrDefault(user => user.Name == idOrName) is { } user ? InfluxV2Mapping.ToPrincipal(user) : null;
        }

        /// <summary>
        /// OSS's rules (<see cref="CreateRights"/>). The audit token is found among its user's tokens by its fingerprint
        /// where the server shows values (OSS ≤ 2.8); elsewhere tokengov cannot tell which of them it runs with, and
        /// refuses only when none of them could. Cloud's authorizer is not public: there the server alone decides.
        /// </summary>
        public async Task<string?> WhyCannotCreateAsync(PlannedToken token, CancellationToken cancellationToken)
        {
            if (!IsOss)
            {
                return null;
            }

            // The audit user's own tokens, listed once per session: a re-issue never creates one of them.
            var own = _own ??= await client.ListAuthorizationsAsync(null, authorization => authorization, cancellationToken, userId: actor.Id);
            var audit = own.Where(authorization => authorization.Token.Fingerprint == auditFingerprint).ToList();
            var candidates = audit.Count > 0 ? audit : own.Where(authorization => authorization.IsActive).ToList();
            var missing = candidates.Select(authorization => CreateRights.Missing(authorization.Permissions, actor.Id, token.ServiceUserId, token.OrgId, token.Permissions)).ToList();
            if (candidates.Count > 0 && missing.Any(reason => reason is null))
            {
                return null;
            }

            var which = audit.Count > 0 ? "the audit token may not" : $"no active token of the audit user '{actor.Name}' may";
            var lacks = missing.FirstOrDefault() ?? "every permission (tokengov sees none of its tokens)";
            return $"{which} create a token for the service user '{token.ServiceUserName}': it lacks {lacks}; "
                + "use an operator token (OSS), or one with write:users/<service user id> and write:orgs/<org id>/authorizations that holds every permission it grants (an all-access token creates tokens for its own user only)";
        }

        public async Task<CreatedToken> CreateAsync(PlannedToken token, CancellationToken cancellationToken)
        {
            var created = await client.CreateAuthorizationAsync(new InfluxAuthorizationCreate
            {
                OrgId = token.OrgId,
                UserId = token.ServiceUserId,
                Description = token.Description,
                Permissions = token.Permissions.Select(Request).ToList(),
            }, cancellationToken);
            return new CreatedToken(created.Id, created.Token!);
        }

        public async Task<string> ProbeUserAsync(TokenSecret value, CancellationToken cancellationToken) =>
            (await clientFactory.Create(target, value.Reveal()).GetMeAsync(cancellationToken)).Id;

        public Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken) => client.DeleteAuthorizationAsync(tokenId, cancellationToken);

        public async Task<IReadOnlyList<string>> FindTokensAsync(string userId, string description, CancellationToken cancellationToken) =>
            (await client.ListAuthorizationsAsync(null, authorization => authorization, cancellationToken, userId: userId))
                .Where(authorization => authorization.Description == description).Select(authorization => authorization.Id).ToList();

        private static InfluxPermissionRequest Request(PermissionRecord permission) => new()
        {
            Action = permission.Action,
            Resource = new InfluxResourceRequest { Type = permission.ResourceType, OrgId = permission.ScopeId, Id = permission.ResourceId },
        };
    }
}
