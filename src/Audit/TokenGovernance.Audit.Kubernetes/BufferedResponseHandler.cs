namespace TokenGovernance.Audit.Kubernetes;

/// <summary>
/// Reads every Kubernetes API answer whole, under the caller's cancellation and within a size bound, before the
/// client library sees it. The library reads a body without the caller's token: a list that sent its headers and
/// part of its body, then nothing, kept an audit waiting for the socket long past <c>AuditTimeout</c>.
/// </summary>
internal sealed class BufferedResponseHandler : DelegatingHandler
{
    /// <summary>Largest answer read: a page of 100 Secrets of the API server's own 1 MiB limit, with room.</summary>
    public const long MaxResponseBytes = 128L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"the answer is larger than {MaxResponseBytes / (1024 * 1024)} MiB");
            }

            // Past the bound (a chunked answer that never ends) this throws, and the source names the failure.
            await response.Content.LoadIntoBufferAsync(MaxResponseBytes, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
