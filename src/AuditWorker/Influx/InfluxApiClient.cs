using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace TokenGovernance.AuditWorker.Influx;

/// <summary>
/// The InfluxDB v2 calls the audit needs, for one target and one token. Responses are deserialized from the
/// stream with source-generated metadata; failures become <see cref="InfluxApiException"/> with a one-line message.
/// </summary>
public sealed class InfluxApiClient
{
    /// <summary>The API's own maximum page size for users and orgs.</summary>
    public const int PageSize = 100;

    private const int MaxPages = 100_000;

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly string _token;

    public InfluxApiClient(HttpClient http, Uri baseUri, string token)
    {
        _http = http;
        _baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _token = token;
    }

    /// <summary><c>X-Influxdb-Build</c> of the last response (<c>OSS</c> on InfluxDB OSS; Cloud sends none).</summary>
    public string? ServerBuild { get; private set; }

    /// <summary><c>X-Influxdb-Version</c> of the last response.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>All organizations the token can see, paging with <c>offset</c> until an empty page (there is no <c>next</c> link).</summary>
    public async Task<List<InfluxOrganization>> ListOrganizationsAsync(CancellationToken cancellationToken)
    {
        var all = new List<InfluxOrganization>();
        for (var page = 0; page < MaxPages; page++)
        {
            var list = await GetAsync($"api/v2/orgs?limit={PageSize}&offset={page * PageSize}", InfluxJsonContext.Default.InfluxOrganizationList, cancellationToken);
            if (list.Orgs.Count == 0)
            {
                break;
            }

            all.AddRange(list.Orgs);
        }

        return all;
    }

    /// <summary>
    /// All users, paging with <c>limit=100&amp;after=&lt;last id&gt;</c>. Paging happens before the permission filter,
    /// so a short page does not prove the end: only an empty page does.
    /// </summary>
    public async Task<List<InfluxUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var all = new List<InfluxUser>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = after is null ? $"api/v2/users?limit={PageSize}" : $"api/v2/users?limit={PageSize}&after={Uri.EscapeDataString(after)}";
            var list = await GetAsync(query, InfluxJsonContext.Default.InfluxUserList, cancellationToken);
            if (list.Users.Count == 0 || list.Users[^1].Id == after)
            {
                break;
            }

            all.AddRange(list.Users);
            after = list.Users[^1].Id;
        }

        return all;
    }

    /// <summary>Members of one organization: the way to enumerate users on InfluxDB Cloud.</summary>
    public async Task<List<InfluxUser>> ListMembersAsync(string orgId, CancellationToken cancellationToken) =>
        (await GetAsync($"api/v2/orgs/{Uri.EscapeDataString(orgId)}/members", InfluxJsonContext.Default.InfluxUserList, cancellationToken)).Users;

    /// <summary>One user, or null when the server answers 404 (the user was deleted).</summary>
    public async Task<InfluxUser?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync($"api/v2/users/{Uri.EscapeDataString(userId)}", InfluxJsonContext.Default.InfluxUser, cancellationToken);
        }
        catch (InfluxApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The authorization list: not paged by the API, so it is streamed in one response.</summary>
    public async Task<List<InfluxAuthorization>> ListAuthorizationsAsync(string? orgId, CancellationToken cancellationToken)
    {
        var path = orgId is null ? "api/v2/authorizations" : $"api/v2/authorizations?orgID={Uri.EscapeDataString(orgId)}";
        return await GetAsync(path, AuthorizationListReader.ReadAsync, cancellationToken);
    }

    /// <summary>The user the token belongs to.</summary>
    public Task<InfluxUser> GetMeAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v2/me", InfluxJsonContext.Default.InfluxUser, cancellationToken);

    /// <summary>The permission resource types this server knows (<c>GET /api/v2/resources</c>).</summary>
    public Task<List<string>> ListResourceTypesAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v2/resources", InfluxJsonContext.Default.ListString, cancellationToken);

    /// <summary>
    /// One read-only <c>GET /api/v2/me</c> with a found token value, to learn its state. Never throws with the
    /// value: failures come back as <see cref="ProbeOutcome.Failed"/> with a message that does not contain it.
    /// </summary>
    public async Task<ProbeResult> ProbeAsync(string value, CancellationToken cancellationToken)
    {
        if (value.Length == 0 || value.Any(character => char.IsWhiteSpace(character) || char.IsControl(character)))
        {
            return new ProbeResult(ProbeOutcome.Failed, null, "the value cannot be sent as a token");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, "api/v2/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", value);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var user = JsonSerializer.Deserialize(body, InfluxJsonContext.Default.InfluxUser);
                    return new ProbeResult(ProbeOutcome.Works, user?.Id, null);
                case HttpStatusCode.Unauthorized:
                    var error = body.Length < 16_384 ? TryReadError(body) : null;
                    return error?.Message?.Contains("inactive", StringComparison.OrdinalIgnoreCase) == true
                        ? new ProbeResult(ProbeOutcome.TokenInactive, null, null)
                        : new ProbeResult(ProbeOutcome.Unknown, null, null);
                case HttpStatusCode.Forbidden:
                    return new ProbeResult(ProbeOutcome.OwnerGone, null, null);
                default:
                    return new ProbeResult(ProbeOutcome.Failed, null, $"GET /api/v2/me returned {(int)response.StatusCode}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Failed, null, "GET /api/v2/me failed: " + DescribeTransportFailure(exception));
        }
    }

    private static InfluxError? TryReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, InfluxJsonContext.Default.InfluxError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task<T> GetAsync<T>(string relative, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        GetAsync(relative, async (stream, token) => await JsonSerializer.DeserializeAsync(stream, typeInfo, token), cancellationToken);

    private async Task<T> GetAsync<T>(string relative, Func<Stream, CancellationToken, ValueTask<T?>> read, CancellationToken cancellationToken)
    {
        var call = "GET /" + relative;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new InfluxApiException(call + " failed: " + DescribeTransportFailure(exception), innerException: exception);
        }

        using (response)
        {
            ServerBuild = FirstHeader(response, "X-Influxdb-Build") ?? ServerBuild;
            ServerVersion = FirstHeader(response, "X-Influxdb-Version") ?? ServerVersion;
            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(call, response, cancellationToken);
            }

            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await read(stream, cancellationToken)
                    ?? throw new InfluxApiException(call + " returned an empty JSON document (null)");
            }
            catch (JsonException exception)
            {
                var where = exception.Path is null ? string.Empty : $" at {exception.Path}";
                var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine})" : ": " + SingleLine(exception.Message);
                throw new InfluxApiException($"{call} returned malformed or truncated JSON{where}{position}", innerException: exception);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                throw new InfluxApiException(call + " response ended early: " + SingleLine(exception.Message), innerException: exception);
            }
        }
    }

    private async Task<InfluxApiException> ToExceptionAsync(string call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var error = body.Length is > 0 and < 16_384 ? TryReadError(body) : null;
            code = error?.Code;
            message = error?.Message;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The status line is enough; an unreadable error body adds nothing.
        }

        var status = (int)response.StatusCode + " " + response.ReasonPhrase;
        var detail = message is null ? string.Empty : " (" + Scrub(message) + ")";
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => ": the audit token was rejected",
            HttpStatusCode.Forbidden => ": the audit token's user is inactive or lacks permission",
            _ => string.Empty,
        };
        return new InfluxApiException($"{call} returned {status}{detail}{hint}", response.StatusCode, code);
    }

    private static string DescribeTransportFailure(Exception exception) => exception switch
    {
        TimeoutRejectedException => "timed out",
        OperationCanceledException => "timed out",
        BrokenCircuitException => "circuit open after repeated failures",
        HttpRequestException http when http.StatusCode is not null => (int)http.StatusCode + " " + SingleLine(http.Message),
        _ => SingleLine(exception.Message),
    };

    /// <summary>Error messages come from the server: one line, bounded, and never the token we sent.</summary>
    private string Scrub(string message)
    {
        var line = SingleLine(message);
        if (_token.Length > 0)
        {
            line = line.Replace(_token, "[token]", StringComparison.Ordinal);
        }

        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string SingleLine(string text) =>
        new StringBuilder(text).Replace('\r', ' ').Replace('\n', ' ').ToString().Trim();

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
