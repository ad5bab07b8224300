using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Configuration;
using TokenGovernance.AuditWorker.Influx;
using TokenGovernance.AuditWorker.Policy;
using TokenGovernance.AuditWorker.References;

namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>Audits one target: reads orgs, users and authorizations, resolves unknown owners, runs the policy.</summary>
public sealed class TargetAuditor(
    InfluxApiClientFactory clientFactory,
    PolicyEngine policy,
    ReferenceAuditor references,
    IOptions<TokenGovernanceOptions> options,
    TimeProvider time,
    ILogger<TargetAuditor> logger)
{
    /// <summary>
    /// Audits within <c>AuditTimeout</c>. An expected failure (the server, the token, the data, a reference source, a
    /// pattern) is a failed result naming the cause; anything else is a bug and propagates.
    /// </summary>
    public async Task<TargetAuditResult> AuditAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var shutdown = cancellationToken;
        var auditTimeout = options.Value.AuditTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(auditTimeout);
        InfluxApiClient? client = null;
        try
        {
            var token = await TokenSource.ReadAsync(target, timeout.Token);
            client = clientFactory.Create(target, token);
            cancellationToken = timeout.Token;
            var snapshot = await ReadSnapshotAsync(target, client, cancellationToken);
            var findings = policy.Evaluate(snapshot);
            var byFingerprint = snapshot.Authorizations
                .Where(authorization => authorization.Token.Fingerprint is not null)
                .GroupBy(authorization => authorization.Token.Fingerprint!)
                .ToDictionary(group => group.Key, group => group.First());
            var (referenceFindings, referenceSummary) = await references.AuditAsync(target, snapshot, byFingerprint, client, cancellationToken);
            findings.AddRange(referenceFindings);
            var active = snapshot.Authorizations.Count(authorization => authorization.IsActive);
            return new TargetAuditResult
            {
                Target = target.Name,
                Url = target.Url,
                Flavor = snapshot.Flavor,
                Outcome = AuditOutcome.Success,
                Organizations = snapshot.Organizations.Count,
                Users = snapshot.UsersById.Count,
                Authorizations = snapshot.Authorizations.Count,
                ActiveAuthorizations = active,
                InactiveAuthorizations = snapshot.Authorizations.Count - active,
                TokenValuesVisible = snapshot.Authorizations.Any(authorization => authorization.Token.Visibility == TokenVisibility.Visible),
                References = referenceSummary,
                Findings = findings,
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
            };
        }
        catch (Exception exception) when (exception is InfluxApiException or TokenUnavailableException or TargetUnreadableException or PatternTimeoutException
                                          || (exception is OperationCanceledException && timeout.IsCancellationRequested))
        {
            var during = client?.CurrentCall is { } call ? $", during {call}" : string.Empty;
            var cause = exception is not OperationCanceledException ? exception.Message
                : shutdown.IsCancellationRequested ? "audit cancelled (timeout or shutdown): the worker is stopping" + during
                : $"audit cancelled (timeout or shutdown): it took longer than {auditTimeout} (TokenGovernance:AuditTimeout){during}";
            var error = $"target '{target.Name}': {cause}";
            logger.AuditFailed(target.Name, error);
            return new TargetAuditResult
            {
                Target = target.Name,
                Url = target.Url,
                Outcome = AuditOutcome.Failure,
                Error = error,
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
            };
        }
    }

    private async Task<TargetSnapshot> ReadSnapshotAsync(TargetOptions target, InfluxApiClient client, CancellationToken cancellationToken)
    {
        var organizations = await client.ListOrganizationsAsync(cancellationToken);
        InfluxFlavorNames.TryParse(target.Flavor, out var flavor);
        if (flavor == InfluxFlavor.Auto)
        {
            flavor = string.Equals(client.ServerBuild, "OSS", StringComparison.OrdinalIgnoreCase) ? InfluxFlavor.Oss : InfluxFlavor.Cloud;
        }

        var selected = SelectOrganizations(target, organizations);
        var me = await client.GetMeAsync(cancellationToken);
        var resourceTypes = (await client.ListResourceTypesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var users = new Dictionary<string, InfluxUser>(StringComparer.Ordinal);
        var listed = flavor == InfluxFlavor.Cloud
            ? await ListMembersAsync(client, selected, cancellationToken)
            : await client.ListUsersAsync(cancellationToken);
        foreach (var user in listed)
        {
            users.TryAdd(user.Id, user);
        }

        users.TryAdd(me.Id, me);

        var authorizations = new List<InfluxAuthorization>();
        if (target.Orgs.Count == 0)
        {
            authorizations.AddRange(await client.ListAuthorizationsAsync(orgId: null, cancellationToken));
        }
        else
        {
            foreach (var org in selected)
            {
                authorizations.AddRange(await client.ListAuthorizationsAsync(org.Id, cancellationToken));
            }
        }

        var deleted = await ResolveUnknownOwnersAsync(client, authorizations, users, cancellationToken);
        return new TargetSnapshot
        {
            TargetName = target.Name,
            Flavor = flavor,
            Organizations = selected,
            UsersById = users,
            DeletedUserIds = deleted,
            Authorizations = authorizations,
            ResourceTypes = resourceTypes,
            AuditUser = me,
            ListedUserCount = listed.Count,
        };
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
            throw new TargetUnreadableException(
                $"organization(s) {string.Join(", ", missing.Select(name => "'" + name + "'"))} not found or not visible to the audit token");
        }

        return organizations.Where(org => target.Orgs.Contains(org.Name)).ToList();
    }

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
        InfluxApiClient client, List<InfluxAuthorization> authorizations, Dictionary<string, InfluxUser> users, CancellationToken cancellationToken)
    {
        var unknown = authorizations
            .Select(authorization => authorization.UserId)
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
