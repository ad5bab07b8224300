using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Reads an InfluxDB v2 target (OSS or Cloud): orgs, the audit token's user, resource types, users (OSS) or members
/// (Cloud), authorizations, and the owners the listing did not show (a 404 means the user was deleted).
/// </summary>
internal sealed class InfluxV2TargetReader(InfluxApiClientFactory clientFactory, IOptions<TokenGovernanceOptions> options) : ITargetReader
{
    public bool CanRead(TargetOptions target) => InfluxV2Product.Reads(target);

    public async Task<TargetRead> ReadAsync(TargetOptions target, string auditToken, ReadProgress progress, ReadScope scope, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(target, auditToken, progress);
        var organizations = await client.ListOrganizationsAsync(cancellationToken);
        InfluxFlavorNames.TryParse(target.ProductSettings<InfluxV2Settings>().Flavor, out var flavor);
        if (flavor == InfluxFlavor.Auto)
        {
            flavor = string.Equals(client.ServerBuild, "OSS", StringComparison.OrdinalIgnoreCase) ? InfluxFlavor.Oss : InfluxFlavor.Cloud;
        }

        var selected = SelectOrganizations(target, organizations);
        var me = await client.GetMeAsync(cancellationToken);
        var resourceTypes = (await client.ListResourceTypesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // Each authorization becomes a token as the list streams: the wire objects never exist all at once.
        var permissions = new PermissionPool();
        Token ToToken(InfluxAuthorization authorization)
        {
            progress.TokenRead();
            return InfluxV2Mapping.ToToken(authorization, resourceTypes, permissions);
        }

        async Task<List<Token>> ListTokensAsync(IReadOnlyList<string>? ownerIds, CancellationToken token)
        {
            var tokens = new List<Token>();
            IEnumerable<string?> orgIds = target.Orgs.Count == 0 ? new string?[] { null } : selected.Select(org => (string?)org.Id);
            IEnumerable<string?> userIds = ownerIds is null ? new string?[] { null } : ownerIds.Select(id => (string?)id);
            foreach (var orgId in orgIds)
            {
                foreach (var userId in userIds)
                {
                    tokens.AddRange(await client.ListAuthorizationsAsync(orgId, ToToken, token, userId));
                }
            }

            return tokens;
        }

        List<InfluxUser> listed;
        List<string>? ownerIds = null;
        List<Token> tokens;
        if (scope.IsNarrowed)
        {
            // The owners first: their ids are the authorization list's filter.
            (listed, ownerIds) = await ResolveOwnersAsync(client, flavor, selected, scope.Owners, cancellationToken);
            tokens = await ListTokensAsync(ownerIds, cancellationToken);
        }
        else
        {
            // The user pages and the authorization list do not depend on each other: both at once.
            (listed, tokens) = await BothAsync(
                token => flavor == InfluxFlavor.Cloud ? ListMembersAsync(client, selected, token) : client.ListUsersAsync(token),
                token => ListTokensAsync(null, token),
                cancellationToken);
        }

        var users = new Dictionary<string, InfluxUser>(StringComparer.Ordinal);
        foreach (var user in listed)
        {
            users.TryAdd(user.Id, user);
        }

        users.TryAdd(me.Id, me);

        var deleted = await ResolveUnknownOwnersAsync(client, tokens, users, cancellationToken);
        var inventory = new TargetInventory
        {
            TargetName = target.Name,
            Product = flavor.ToName(),
            Kind = InfluxV2Product.Kind,
            Words = InfluxV2Product.Descriptor.Words,
            Capabilities = InfluxV2Mapping.CapabilitiesOf(flavor),
            Scopes = selected.Select(InfluxV2Mapping.ToScope).ToList(),
            PrincipalsById = users.ToDictionary(pair => pair.Key, pair => InfluxV2Mapping.ToPrincipal(pair.Value), StringComparer.Ordinal),
            DeletedPrincipalIds = deleted,
            Tokens = tokens,
            AuditPrincipal = InfluxV2Mapping.ToPrincipal(me),
            ListedPrincipalCount = listed.Count,
            IsPartial = ownerIds is not null,
        };
        return new TargetRead(inventory, client.Probe);
    }

    /// <summary>
    /// Two reads at once. When one fails the other is cancelled, and the failure is what propagates (not the other's
    /// cancellation), so the audit names the call that failed.
    /// </summary>
    private static async Task<(TFirst, TSecond)> BothAsync<TFirst, TSecond>(
        Func<CancellationToken, Task<TFirst>> first, Func<CancellationToken, Task<TSecond>> second, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstTask = Cancelling(first(both.Token), both);
        var secondTask = Cancelling(second(both.Token), both);
        try
        {
            await Task.WhenAll(firstTask, secondTask);
        }
        catch when ((Failure(firstTask) ?? Failure(secondTask)) is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw((Failure(firstTask) ?? Failure(secondTask))!);
        }

        return (await firstTask, await secondTask);

        static Exception? Failure(Task task) => task.IsFaulted ? task.Exception?.InnerException : null;

        static async Task<T> Cancelling<T>(Task<T> task, CancellationTokenSource both)
        {
            try
            {
                return await task;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await both.CancelAsync();
                throw;
            }
        }
    }

    private static List<InfluxOrganization> SelectOrganizations(TargetOptions target, List<InfluxOrganization> organizations)
    {
        if (target.Orgs.Count == 0)
        {
            return organizations;
        }

        var missing = target.Orgs.Where(name => organizations.All(org => org.Name != name)).ToList();
        if (missing.Count > 0)
        {
            throw new TargetReadException(
                $"organization(s) {string.Join(", ", missing.Select(name => "'" + name + "'"))} not found or not visible to the audit token");
        }

        return organizations.Where(org => target.Orgs.Contains(org.Name)).ToList();
    }

    /// <summary>
    /// The users named by <paramref name="owners"/> (names or ids) and the ids whose tokens to list. OSS: one
    /// <c>GET /api/v2/users?name=</c> per value, else <c>GET /api/v2/users/{id}</c>. Cloud: the org members, matched by
    /// name or id; an id no member has is still listed, since Cloud keeps the tokens of deleted users.
    /// </summary>
    private static async Task<(List<InfluxUser> Users, List<string> OwnerIds)> ResolveOwnersAsync(
        InfluxApiClient client, InfluxFlavor flavor, List<InfluxOrganization> organizations, IReadOnlyList<string> owners, CancellationToken cancellationToken)
    {
        var found = new List<InfluxUser>();
        var ids = new List<string>();
        var members = flavor == InfluxFlavor.Cloud ? await ListMembersAsync(client, organizations, cancellationToken) : null;
        foreach (var owner in owners.Distinct(StringComparer.Ordinal))
        {
            var matched = members is not null
                ? members.Where(user => user.Name == owner || user.Id == owner).ToList()
                : await client.FindUsersByNameAsync(owner, cancellationToken);
            if (matched.Count == 0 && members is null && LooksLikeId(owner) && await client.FindUserAsync(owner, cancellationToken) is { } byId)
            {
                matched.Add(byId);
            }

            found.AddRange(matched);
            ids.AddRange(matched.Select(user => user.Id));
            if (matched.Count == 0 && members is not null && LooksLikeId(owner))
            {
                ids.Add(owner);
            }
        }

        return (members ?? found, ids.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>InfluxDB v2 ids are 16 lower-case hex digits.</summary>
    private static bool LooksLikeId(string value) => value.Length == 16 && value.All(character => char.IsAsciiHexDigitLower(character) || char.IsAsciiDigit(character));

    private static async Task<List<InfluxUser>> ListMembersAsync(InfluxApiClient client, List<InfluxOrganization> organizations, CancellationToken cancellationToken)
    {
        var members = new List<InfluxUser>();
        foreach (var org in organizations)
        {
            members.AddRange(await client.ListMembersAsync(org.Id, cancellationToken));
        }

        return members;
    }

    /// <summary>Looks up owners the listing did not show: a 404 means the user was deleted.</summary>
    private async Task<HashSet<string>> ResolveUnknownOwnersAsync(
        InfluxApiClient client, List<Token> tokens, Dictionary<string, InfluxUser> users, CancellationToken cancellationToken)
    {
        var unknown = tokens
            .Select(token => token.OwnerId)
            .Where(id => id is not null && !users.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var found = new ConcurrentBag<InfluxUser>();
        var deleted = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            unknown,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Client.MaxConcurrentLookups), CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var user = await client.FindUserAsync(id!, token);
                if (user is null)
                {
                    deleted.Add(id!);
                }
                else
                {
                    found.Add(user);
                }
            });

        foreach (var user in found)
        {
            users.TryAdd(user.Id, user);
        }

        return deleted.ToHashSet(StringComparer.Ordinal);
    }
}
