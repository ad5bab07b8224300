namespace TokenGovernance.Audit.Http;

internal static partial class InfluxClientLog
{
    /// <summary>The one line an operator reads per retry: <c>GET /api/v2/orgs: connection refused (attempt 2 of 4, next in 1.2 s)</c>.</summary>
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning,
        Message = "{Method} {Path}: {Cause} (attempt {Attempt} of {Attempts}, next in {DelaySeconds:F1} s)")]
    public static partial void RetryingCall(this ILogger logger, string method, string path, string cause, int attempt, int attempts, double delaySeconds);

    /// <summary>The same failure with its exception, for whoever turns the category up to Debug.</summary>
    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "{Method} {Path}: attempt {Attempt} failed")]
    public static partial void AttemptFailed(this ILogger logger, string method, string path, int attempt, Exception exception);
}
