using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// The InfluxDB v2 calls the audit needs, for one target and one token. Responses are deserialized from the
/// stream with source-generated metadata; failures become <see cref="InfluxApiException"/> with a one-line message.
/// </summary>
internal sealed class InfluxApiClient
{
    /// <summary>The API's own maximum page size for users and orgs.</summary>
    public const int PageSize = 100;

    /// <summary>Pages of users or orgs read at the most (a million of each): reaching it fails the audit, it never ends it quietly.</summary>
    public const int MaxPages = 10_000;

    internal static readonly TimeSpan DefaultBodyTimeout = TimeSpan.FromSeconds(30);

    private readonly ApiCaller _caller;
    private readonly string _token;

    /// <param name="bodyTimeout">
    /// How long reading one response body may take once its headers arrived (the resilience pipeline's timeouts end
    /// with the headers): a server that stalls or trickles a body fails the call instead of holding the audit.
    /// </param>
    public InfluxApiClient(HttpClient http, Uri baseUri, string token, TimeSpan? bodyTimeout = null, ReadProgress? progress = null)
    {
        _token = token;
        _caller = new ApiCaller(http, baseUri, token, Dialect, bodyTimeout ?? DefaultBodyTimeout, progress, Remember);
    }

    /// <summary>Probes found values against the same server, without this client's token.</summary>
    public ITokenProbe Probe => new InfluxTokenProbe(_caller.Http, _caller.BaseUri, _caller.BodyTimeout);

    /// <summary><c>X-Influxdb-Build</c> of the last response (<c>OSS</c> on InfluxDB OSS; Cloud sends none).</summary>
    public string? ServerBuild { get; private set; }

    /// <summary><c>X-Influxdb-Version</c> of the last response.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>All organizations the token can see, paging with <c>offset</c> until an empty page (there is no <c>next</c> link).</summary>
    public async Task<List<InfluxOrganization>> ListOrganizationsAsync(CancellationToken cancellationToken)
    {
        var all = new List<InfluxOrganization>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var call = $"api/v2/orgs?limit={PageSize}&offset={page * PageSize}";
            var list = await GetAsync(call, InfluxJsonContext.Default.InfluxOrganizationList, cancellationToken);
            var orgs = ResponseChecks.Elements(call, "orgs", list.Orgs);
            if (orgs.Count == 0)
            {
                return all;
            }

            foreach (var org in orgs)
            {
                ResponseChecks.Identity(call, "orgs", org.Id);
                org.Id = ServerText.Clean(org.Id, _token)!;
                ResponseChecks.NotRepeated(call, seen, org.Id, "offset");
                org.Name = ServerText.Clean(org.Name, _token) ?? string.Empty;
            }

            all.AddRange(orgs);
        }

        throw ResponseChecks.TooManyPages("GET /api/v2/orgs", MaxPages);
    }

    /// <summary>
    /// All users, paging with <c>limit=100&amp;after=&lt;last id&gt;</c>. Paging happens before the permission filter,
    /// so a short page does not prove the end: only an empty page does.
    /// </summary>
    public async Task<List<InfluxUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var all = new List<InfluxUser>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = after is null ? $"api/v2/users?limit={PageSize}" : $"api/v2/users?limit={PageSize}&after={Uri.EscapeDataString(after)}";
            var list = await GetAsync(query, InfluxJsonContext.Default.InfluxUserList, cancellationToken);
            var users = CheckUsers(query, list.Users);
            if (users.Count == 0 || (users.Count == 1 && users[0].Id == after))
            {
                // Empty, or only the cursor itself (a server that treats 'after' as inclusive): the end.
                return all;
            }

            foreach (var user in users)
            {
                if (user.Id != after)
                {
                    ResponseChecks.NotRepeated(query, seen, user.Id, "after");
                    all.Add(user);
                }
            }

            after = users[^1].Id;
        }

        throw ResponseChecks.TooManyPages("GET /api/v2/users", MaxPages);
    }

    /// <summary>The users with this exact name (<c>GET /api/v2/users?name=</c>): none, or one on a real server.</summary>
    public async Task<List<InfluxUser>> FindUsersByNameAsync(string name, CancellationToken cancellationToken)
    {
        var call = $"api/v2/users?name={Uri.EscapeDataString(name)}";
        return CheckUsers(call, (await GetAsync(call, InfluxJsonContext.Default.InfluxUserList, cancellationToken)).Users)
            .Where(user => user.Name == name).ToList();
    }

    /// <summary>Members of one organization: the way to enumerate users on InfluxDB Cloud.</summary>
    public async Task<List<InfluxUser>> ListMembersAsync(string orgId, CancellationToken cancellationToken)
    {
        var call = $"api/v2/orgs/{Uri.EscapeDataString(orgId)}/members";
        return CheckUsers(call, (await GetAsync(call, InfluxJsonContext.Default.InfluxUserList, cancellationToken)).Users);
    }

    /// <summary>One user, or null when the server answers 404 (the user was deleted).</summary>
    public async Task<InfluxUser?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        var call = $"api/v2/users/{Uri.EscapeDataString(userId)}";
        try
        {
            var user = CheckUser(call, await GetAsync(call, InfluxJsonContext.Default.InfluxUser, cancellationToken));
            return user.Id == userId ? user : throw ResponseChecks.Malformed(call, $"answers with user id '{ServerText.OneLine(user.Id, _token)}' for user '{userId}'");
        }
        catch (InfluxApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The authorization list: not paged by the API, so it is streamed in one response.</summary>
    public async Task<List<InfluxAuthorization>> ListAuthorizationsAsync(string? orgId, CancellationToken cancellationToken) =>
        await ListAuthorizationsAsync(orgId, static authorization => authorization, cancellationToken);

    /// <summary>
    /// The authorization list, each element checked, its server text cleaned and then handed to <paramref name="map"/>
    /// while the list streams: only what the map returns is kept.
    /// </summary>
    public async Task<List<T>> ListAuthorizationsAsync<T>(string? orgId, Func<InfluxAuthorization, T> map, CancellationToken cancellationToken, string? userId = null)
    {
        var filters = new List<string>(2);
        if (orgId is not null)
        {
            filters.Add("orgID=" + Uri.EscapeDataString(orgId));
        }

        if (userId is not null)
        {
            filters.Add("userID=" + Uri.EscapeDataString(userId));
        }

        var path = filters.Count == 0 ? "api/v2/authorizations" : "api/v2/authorizations?" + string.Join('&', filters);
        // The list streams and bounds each authorization (AuthorizationListReader.MaxElementBytes), not the total: a
        // million tokens make a list of about a gigabyte.
        return await _caller.SendAsync(
            HttpMethod.Get, path, jsonBody: null, (stream, token) => AuthorizationListReader.ReadAsync(stream, (authorization, index) => map(Clean(path, authorization, index)), token),
            cancellationToken, maxBodyBytes: long.MaxValue);
    }

    private InfluxAuthorization Clean(string call, InfluxAuthorization authorization, int index)
    {
        ResponseChecks.Identity(call, $"authorizations[{index}]", authorization.Id);

        // Ids are server text too (a hostile server may put the token it was sent there); real ones are 16 hex digits.
        authorization.Id = ServerText.Clean(authorization.Id, _token)!;
        authorization.UserId = ServerText.Clean(authorization.UserId, _token);
        authorization.OrgId = ServerText.Clean(authorization.OrgId, _token);
        authorization.Description = ServerText.Clean(authorization.Description, _token);
        authorization.User = ServerText.Clean(authorization.User, _token);
        authorization.Org = ServerText.Clean(authorization.Org, _token);
        foreach (var permission in authorization.Permissions)
        {
            permission.Resource.Id = ServerText.Clean(permission.Resource.Id, _token);
            permission.Resource.OrgId = ServerText.Clean(permission.Resource.OrgId, _token);
            permission.Resource.Name = ServerText.Clean(permission.Resource.Name, _token);
            permission.Resource.Org = ServerText.Clean(permission.Resource.Org, _token);
        }

        return authorization;
    }

    /// <summary>One authorization as it is now, or null when the server answers 404 (deleted, or not visible to this token).</summary>
    public async Task<InfluxAuthorization?> FindAuthorizationAsync(string id, CancellationToken cancellationToken)
    {
        var call = $"api/v2/authorizations/{Uri.EscapeDataString(id)}";
        try
        {
            var authorization = Clean(call, await GetAsync(call, InfluxJsonContext.Default.InfluxAuthorization, cancellationToken), 0);
            return authorization.Id == id ? authorization : throw ResponseChecks.Malformed(call, $"answers with authorization id '{authorization.Id}' for '{id}'");
        }
        catch (InfluxApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary><c>PATCH /api/v2/authorizations/{id}</c> with <c>{"status": ...}</c>: the one change v2 allows besides the description.</summary>
    public async Task<InfluxAuthorization> SetAuthorizationStatusAsync(string id, string status, CancellationToken cancellationToken)
    {
        var call = $"api/v2/authorizations/{Uri.EscapeDataString(id)}";
        var body = JsonSerializer.Serialize(new InfluxAuthorizationUpdate { Status = status }, InfluxJsonContext.Default.InfluxAuthorizationUpdate);
        return Clean(call, await SendAsync(HttpMethod.Patch, call, body, async (stream, token) => await JsonSerializer.DeserializeAsync(stream, InfluxJsonContext.Default.InfluxAuthorization, token), cancellationToken), 0);
    }

    /// <summary><c>PATCH /api/v2/authorizations/{id}</c> with <c>{"description": ...}</c>.</summary>
    public async Task<InfluxAuthorization> SetAuthorizationDescriptionAsync(string id, string description, CancellationToken cancellationToken)
    {
        var call = $"api/v2/authorizations/{Uri.EscapeDataString(id)}";
        var body = JsonSerializer.Serialize(new InfluxAuthorizationUpdate { Description = description }, InfluxJsonContext.Default.InfluxAuthorizationUpdate);
        return Clean(call, await SendAsync(HttpMethod.Patch, call, body, async (stream, token) => await JsonSerializer.DeserializeAsync(stream, InfluxJsonContext.Default.InfluxAuthorization, token), cancellationToken), 0);
    }

    /// <summary>
    /// <c>POST /api/v2/authorizations</c>: a token for <see cref="InfluxAuthorizationCreate.UserId"/>. Never retried (a
    /// retry could create a second token). The answer's value is kept as a <see cref="Remediation.TokenSecret"/> only.
    /// </summary>
    public async Task<InfluxCreatedAuthorization> CreateAuthorizationAsync(InfluxAuthorizationCreate request, CancellationToken cancellationToken)
    {
        const string call = "api/v2/authorizations";
        var body = JsonSerializer.Serialize(request, InfluxJsonContext.Default.InfluxAuthorizationCreate);
        var created = await SendAsync(HttpMethod.Post, call, body, async (stream, token) => await JsonSerializer.DeserializeAsync(stream, InfluxJsonContext.Default.InfluxCreatedAuthorization, token), cancellationToken);
        ResponseChecks.Identity("POST /" + call, "the created authorization", created.Id);
        return created.Token is null
            ? throw new InfluxApiException($"POST /{call} created authorization {ServerText.OneLine(created.Id, _token)} but its answer holds no token value")
            : created;
    }

    /// <summary><c>DELETE /api/v2/authorizations/{id}</c> (permanent); false when the server answers 404.</summary>
    public async Task<bool> DeleteAuthorizationAsync(string id, CancellationToken cancellationToken)
    {
        var call = $"api/v2/authorizations/{Uri.EscapeDataString(id)}";
        try
        {
            return await SendAsync(HttpMethod.Delete, call, jsonBody: null, (_, _) => ValueTask.FromResult(true), cancellationToken);
        }
        catch (InfluxApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The user the token belongs to.</summary>
    public async Task<InfluxUser> GetMeAsync(CancellationToken cancellationToken) =>
        CheckUser("api/v2/me", await GetAsync("api/v2/me", InfluxJsonContext.Default.InfluxUser, cancellationToken));

    /// <summary>The permission resource types this server knows (<c>GET /api/v2/resources</c>); never empty on a real server.</summary>
    public async Task<List<string>> ListResourceTypesAsync(CancellationToken cancellationToken)
    {
        const string call = "api/v2/resources";
        var types = await GetAsync(call, InfluxJsonContext.Default.ListString, cancellationToken);
        if (types.Count == 0)
        {
            throw ResponseChecks.Malformed(call, "lists no resource types");
        }

        for (var index = 0; index < types.Count; index++)
        {
            ResponseChecks.Identity(call, $"resource type [{index}]", types[index]);
        }

        return types;
    }

    private List<InfluxUser> CheckUsers(string call, List<InfluxUser> users)
    {
        ResponseChecks.Elements(call, "users", users);
        for (var index = 0; index < users.Count; index++)
        {
            CheckUser(call, users[index], $"users[{index}]");
        }

        return users;
    }

    private InfluxUser CheckUser(string call, InfluxUser user, string where = "the user")
    {
        ResponseChecks.Identity(call, where, user.Id);
        user.Id = ServerText.Clean(user.Id, _token)!;
        user.Name = ServerText.Clean(user.Name, _token) ?? string.Empty;
        return user;
    }

    private Task<T> GetAsync<T>(string relative, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        GetAsync(relative, async (stream, token) => await JsonSerializer.DeserializeAsync(stream, typeInfo, token), cancellationToken);

    private Task<T> GetAsync<T>(string relative, Func<Stream, CancellationToken, ValueTask<T?>> read, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relative, jsonBody: null, read, cancellationToken);

    private Task<T> SendAsync<T>(HttpMethod method, string relative, string? jsonBody, Func<Stream, CancellationToken, ValueTask<T?>> read, CancellationToken cancellationToken) =>
        _caller.SendAsync(method, relative, jsonBody, read, cancellationToken);

    /// <summary>v2: <c>Authorization: Token</c>, errors as <c>{"code","message"}</c>.</summary>
    private static readonly ApiDialect Dialect = new(
        "Token",
        body => InfluxResponses.TryRead(body, InfluxJsonContext.Default.InfluxError) is { } error ? (error.Code, error.Message) : (null, null),
        status => status switch
        {
            HttpStatusCode.Unauthorized => ": the audit token was rejected",
            HttpStatusCode.Forbidden => ": the audit token's user is inactive or lacks permission",
            _ => null,
        });

    private void Remember(HttpResponseMessage response)
    {
        ServerBuild = ServerText.OneLine(InfluxResponses.FirstHeader(response, "X-Influxdb-Build"), _token) is { Length: > 0 } build ? build : ServerBuild;
        ServerVersion = ServerText.OneLine(InfluxResponses.FirstHeader(response, "X-Influxdb-Version"), _token) is { Length: > 0 } version ? version : ServerVersion;
    }
}
