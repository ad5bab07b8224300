using InfluxDB.Client;

namespace TokenGovernance.Benchmarks;

/// <summary>
/// The peer of <c>tokengov audit</c> on the official client (InfluxDB.Client 5.1.0), answering only the seed's question:
/// every org, every user and every authorization, then in LINQ the active tokens with a write permission whose user is
/// not a service user (<c>svc-</c>). What a team writes when it has no tool: the same reads, one rule, no report.
/// </summary>
internal static class OfficialClientPeer
{
    public static async Task<int> RunAsync(string url, string tokenFile)
    {
        using var client = new InfluxDBClient(url, File.ReadAllText(tokenFile).Trim());
        var orgs = new List<InfluxDB.Client.Api.Domain.Organization>();
        for (var offset = 0; ; offset += 100)
        {
            var page = await client.GetOrganizationsApi().FindOrganizationsAsync(limit: 100, offset: offset);
            if (page.Count == 0)
            {
                break;
            }

            orgs.AddRange(page);
        }

        var users = new Dictionary<string, InfluxDB.Client.Api.Domain.User>();
        for (string? after = null; ;)
        {
            var page = await client.GetUsersApi().FindUsersAsync(limit: 100, after: after);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var user in page)
            {
                users[user.Id] = user;
            }

            after = page[^1].Id;
        }

        var authorizations = await client.GetAuthorizationsApi().FindAuthorizationsAsync();
        var personalWriters = authorizations
            .Where(authorization => authorization.Status == InfluxDB.Client.Api.Domain.AuthorizationUpdateRequest.StatusEnum.Active)
            .Where(authorization => authorization.Permissions.Any(permission => permission.Action == InfluxDB.Client.Api.Domain.Permission.ActionEnum.Write))
            .Where(authorization => !(users.TryGetValue(authorization.UserID, out var user) && user.Name.StartsWith("svc-", StringComparison.Ordinal)))
            .Count();
        Console.WriteLine($"{orgs.Count} orgs, {users.Count} users, {authorizations.Count} authorizations, {personalWriters} active write tokens of personal users");
        return 0;
    }
}
