using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Http;

/// <summary>How one product's API authenticates and words its errors.</summary>
/// <param name="AuthScheme"><c>Token</c> (v2) or <c>Bearer</c> (v3, management APIs).</param>
/// <param name="ReadError">The error body's code and message, or nulls when it is not the product's error shape.</param>
/// <param name="Hint">What a status means for the audit (<c>: the audit token was rejected</c>), or null.</param>
public sealed record ApiDialect(string AuthScheme, Func<string, (string? Code, string? Message)> ReadError, Func<HttpStatusCode, string?> Hint);

/// <summary>
/// One JSON call to an InfluxDB API for one target and one token, the same way for every product: the call named in
/// <see cref="ReadProgress"/>, the body streamed into a source-generated reader within a body timeout, and every
/// failure (transport, status, malformed or truncated JSON, a stalled body) an <see cref="InfluxApiException"/> with
/// one line that names the call and never holds the token.
/// </summary>
public sealed class ApiCaller
{
    /// <summary>
    /// Largest answer one call reads unless it says otherwise: no single object or page comes near it, and an answer
    /// that never ends (a description without a closing quote) fails the call here instead of taking the process's
    /// memory. A reader that streams its elements and bounds each (the v2 token list) passes its own.
    /// </summary>
    public const long DefaultMaxBodyBytes = 64L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly ApiDialect _dialect;
    private readonly TimeSpan _bodyTimeout;
    private readonly ReadProgress? _progress;
    private readonly Action<HttpResponseMessage>? _onResponse;

    /// <param name="bodyTimeout">
    /// How long reading one response body may take once its headers arrived (the resilience pipeline's timeouts end
    /// with the headers): a server that stalls or trickles a body fails the call instead of holding the audit.
    /// </param>
    /// <param name="onResponse">Sees each response's headers (a product's version headers), before its body is read.</param>
    public ApiCaller(HttpClient http, Uri baseUri, string token, ApiDialect dialect, TimeSpan bodyTimeout, ReadProgress? progress = null, Action<HttpResponseMessage>? onResponse = null)
    {
        _http = http;
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _token = token;
        _dialect = dialect;
        _bodyTimeout = bodyTimeout;
        _progress = progress;
        _onResponse = onResponse;
    }

    /// <summary>The base URI, ending with '/'.</summary>
    public Uri BaseUri { get; }

    public HttpClient Http => _http;

    public TimeSpan BodyTimeout => _bodyTimeout;

    /// <summary>Server text made safe to show: one line, without the token.</summary>
    public string? Clean(string? text) => ServerText.Clean(text, _token);

    public string OneLine(string? text) => ServerText.OneLine(text, _token);

    /// <summary>
    /// Sends one request and reads its JSON body with <paramref name="read"/>. <paramref name="anonymous"/> sends no
    /// token at all (to learn whether the server asks for one). A body longer than <paramref name="maxBodyBytes"/>
    /// fails the call naming the bound.
    /// </summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, string relative, string? jsonBody, Func<Stream, CancellationToken, ValueTask<T?>> read,
        CancellationToken cancellationToken, bool anonymous = false, long maxBodyBytes = DefaultMaxBodyBytes)
    {
        var call = $"{method.Method} /" + PathOf(relative);
        if (_progress is not null)
        {
            _progress.CurrentCall = call;
        }

        using var request = new HttpRequestMessage(method, new Uri(BaseUri, relative));
        if (!anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(_dialect.AuthScheme, _token);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new InfluxApiException(call + " failed: " + InfluxResponses.DescribeTransportFailure(exception, _token), innerException: exception);
        }

        using (response)
        using (var body = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            body.CancelAfter(_bodyTimeout);
            _onResponse?.Invoke(response);
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await ToExceptionAsync(call, response, body.Token);
                }

                await using var stream = new BoundedReadStream(await response.Content.ReadAsStreamAsync(body.Token), maxBodyBytes);
                return await read(stream, body.Token)
                    ?? throw new InfluxApiException(call + " returned an empty JSON document (null)");
            }
            catch (Exception exception) when (exception is BoundedReadStream.TooLargeException || exception.InnerException is BoundedReadStream.TooLargeException)
            {
                throw new InfluxApiException($"{call} returned a body larger than {maxBodyBytes / (1024 * 1024)} MiB: no real answer is that large", innerException: exception);
            }
            catch (JsonException exception)
            {
                var where = exception.Path is null ? string.Empty : $" at {ServerText.OneLine(exception.Path, _token)}";
                var position = exception.LineNumber is { } line
                    ? $" (line {line + 1}, byte {exception.BytePositionInLine})"
                    : ": " + ServerText.OneLine(exception.Message, _token);
                throw new InfluxApiException($"{call} returned malformed or truncated JSON{where}{position}", innerException: exception);
            }
            catch (OperationCanceledException exception) when (body.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new InfluxApiException(
                    $"{call} timed out reading the response body (more than {_bodyTimeout.TotalSeconds:0.###} s, TokenGovernance:Client:AttemptTimeout)",
                    innerException: exception);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidDataException)
            {
                throw new InfluxApiException(call + " response ended early: " + ServerText.OneLine(exception.Message, _token), innerException: exception);
            }
        }
    }

    /// <summary>
    /// A call names its path, and its query only where the query says what was asked: a SQL text stays out of the
    /// name (it is long, and ours), <c>limit</c>/<c>offset</c> stay in.
    /// </summary>
    private static string PathOf(string relative)
    {
        var query = relative.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 && (relative.Contains("?q=", StringComparison.Ordinal) || relative.Contains("&q=", StringComparison.Ordinal)) ? relative[..query] : relative;
    }

    private async Task<InfluxApiException> ToExceptionAsync(string call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            var body = await InfluxResponses.ReadBoundedAsync(response, InfluxResponses.MaxErrorBodyBytes, cancellationToken);
            (code, message) = body is { Length: > 0 } ? _dialect.ReadError(body) : (null, null);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidDataException)
        {
            // The status line is enough; an unreadable error body adds nothing.
        }

        // The reason phrase is server text like any other: a hostile server may echo the token it was sent in it.
        var reason = ServerText.OneLine(response.ReasonPhrase, _token);
        var status = (int)response.StatusCode + (reason.Length > 0 ? " " + reason : string.Empty);
        var detail = string.IsNullOrWhiteSpace(message) ? string.Empty : " (" + ServerText.OneLine(message, _token) + ")";
        var hint = response.StatusCode is >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest
            ? $": a redirect{RedirectTarget(response)}; tokengov does not follow redirects (they drop the token): set the target's Url to the final address"
            : _dialect.Hint(response.StatusCode) ?? string.Empty;
        return new InfluxApiException($"{call} returned {status}{detail}{hint}", response.StatusCode, ServerText.OneLine(code, _token));
    }

    private string RedirectTarget(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } location
            ? " to " + ServerText.OneLine(location.GetLeftPart(UriPartial.Authority), _token)
            : string.Empty;
}
