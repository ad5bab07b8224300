using System.Net;

namespace TokenGovernance.Audit.Http;

/// <summary>A failed InfluxDB API call, with a one-line message that names the call and the cause (never a token).</summary>
public sealed class InfluxApiException : Auditing.TargetReadException
{
    public InfluxApiException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? ErrorCode { get; }
}
