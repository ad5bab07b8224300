using System.Net;
using System.Text.Json;
using TokenGovernance.Audit.Auditing;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>The InfluxDB 3 Core/Enterprise calls the audit needs, for one target and one token (<c>Authorization: Bearer</c>).</summary>
internal sealed class InfluxV3Client
{
    /// <summary>What <c>tokengov</c> asks: every column of every token. Ours, fixed: nothing of the configuration goes into it.</summary>
    public const string TokensQuery = "SELECT * FROM system.tokens";

    internal const string TokensCall = "api/v3/query_sql?db=_internal&format=json&q=";

    private readonly ApiCaller _caller;

    public InfluxV3Client(HttpClient http, Uri baseUri, string token, TimeSpan bodyTimeout, ReadProgress? progress = null) =>
        _caller = new ApiCaller(http, baseUri, token, Dialect, bodyTimeout, progress, Remember);

    /// <summary><c>x-influxdb-build</c> of the last response: <c>Core</c> or <c>Enterprise</c>.</summary>
    public string? ServerBuild { get; private set; }

    /// <summary>Every row of <c>system.tokens</c> (one response: the server has no paging for it), each checked for a unique id and cleaned of the token.</summary>
    public Task<List<V3TokenRow>> ListTokensAsync(CancellationToken cancellationToken) =>
        _caller.SendAsync(
            HttpMethod.Get, TokensCall + Uri.EscapeDataString(TokensQuery), jsonBody: null,
            async (stream, token) => Checked(await JsonSerializer.DeserializeAsync(stream, V3JsonContext.Default.ListV3TokenRow, token)),
            cancellationToken);

    /// <summary>
    /// Whether the server answers the same query without any token (<c>--without-auth</c>). 401 and 403 mean it asks
    /// for one; any other failure fails the read, since "no" would be a guess.
    /// </summary>
    public async Task<bool> AnswersWithoutTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _caller.SendAsync(
                HttpMethod.Get, TokensCall + Uri.EscapeDataString("SELECT token_id FROM system.tokens LIMIT 1"), jsonBody: null,
                async (stream, token) => await JsonSerializer.DeserializeAsync(stream, V3JsonContext.Default.ListV3TokenRow, token),
                cancellationToken, anonymous: true);
            return true;
        }
        catch (InfluxApiException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }
    }

    /// <summary>The edition when no response said it yet: <c>GET /ping</c> sends <c>x-influxdb-build</c>.</summary>
    public async Task<string?> PingBuildAsync(CancellationToken cancellationToken)
    {
        // The body (version, revision, process_id) adds nothing to the header; it is read as an object and dropped.
        await _caller.SendAsync(
            HttpMethod.Get, "ping", jsonBody: null,
            async (stream, token) => await JsonSerializer.DeserializeAsync(stream, V3JsonContext.Default.V3Error, token),
            cancellationToken);
        return ServerBuild;
    }

    private List<V3TokenRow> Checked(List<V3TokenRow>? rows)
    {
        const string call = "api/v3/query_sql (system.tokens)";
        ResponseChecks.Elements(call, "rows", rows);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < rows!.Count; index++)
        {
            var row = rows[index];
            ResponseChecks.Identity(call, $"row {index}", row.TokenId);
            row.TokenId = _caller.Clean(row.TokenId)!;
            ResponseChecks.Unique(call, seen, row.TokenId, "token_id");

            row.Name = _caller.Clean(row.Name);
            row.Description = _caller.Clean(row.Description);
            row.Hash = _caller.Clean(row.Hash);
            row.Permissions = _caller.Clean(row.Permissions);
            row.CreatedByTokenId = _caller.Clean(row.CreatedByTokenId);
        }

        return rows;
    }

    /// <summary>v3: <c>Authorization: Bearer</c>, errors as <c>{"error": "..."}</c>.</summary>
    private static readonly ApiDialect Dialect = new(
        "Bearer",
        body => InfluxResponses.TryRead(body, V3JsonContext.Default.V3Error) is { Error: { } error } ? (null, error) : (null, null),
        status => status switch
        {
            HttpStatusCode.Unauthorized => ": the audit token was rejected (listing tokens needs an admin token)",
            HttpStatusCode.Forbidden => ": the audit token may not read system.tokens (it needs an admin token, or on Enterprise read access to the _internal database)",
            HttpStatusCode.NotFound => ": no InfluxDB 3 query API at this URL (is it an InfluxDB 3 Core or Enterprise server?)",
            _ => null,
        });

    private void Remember(HttpResponseMessage response) =>
        ServerBuild = _caller.OneLine(InfluxResponses.FirstHeader(response, "x-influxdb-build")) is { Length: > 0 } build ? build : ServerBuild;
}
