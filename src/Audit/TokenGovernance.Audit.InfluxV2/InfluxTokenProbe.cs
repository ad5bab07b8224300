using System.Net;
using System.Net.Http.Headers;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// The v2 probe: asks the target who a found value belongs to, and says only what state it is in. Made by
/// <see cref="InfluxApiClient.Probe"/>, with the client's HttpClient and its base URI (which ends with '/').
/// </summary>
internal sealed class InfluxTokenProbe : ITokenProbe
{
    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly TimeSpan _bodyTimeout;

    internal InfluxTokenProbe(HttpClient http, Uri baseUri, TimeSpan bodyTimeout)
    {
        _http = http;
        _baseUri = baseUri;
        _bodyTimeout = bodyTimeout;
    }

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
        using var body = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            body.CancelAfter(_bodyTimeout);
            var text = await InfluxResponses.ReadBoundedAsync(response, InfluxResponses.MaxErrorBodyBytes, body.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var user = text is null ? null : InfluxResponses.TryRead(text, InfluxJsonContext.Default.InfluxUser);
                    return string.IsNullOrEmpty(user?.Id)
                        ? new ProbeResult(ProbeOutcome.Failed, null, "GET /api/v2/me returned 200 without a user")
                        : new ProbeResult(ProbeOutcome.Works, user.Id, null);
                case HttpStatusCode.Unauthorized:
                    var error = text is null ? null : InfluxResponses.TryRead(text, InfluxJsonContext.Default.InfluxError);
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
            var cause = body.IsCancellationRequested ? "timed out reading the response body" : InfluxResponses.DescribeTransportFailure(exception, value);
            return new ProbeResult(ProbeOutcome.Failed, null, "GET /api/v2/me failed: " + cause);
        }
    }
}
