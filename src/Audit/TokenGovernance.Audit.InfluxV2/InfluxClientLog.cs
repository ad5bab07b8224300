namespace TokenGovernance.Audit.InfluxV2;

internal static partial class InfluxClientLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} (retry {Retry} of {MaxRetries}) in {DelaySeconds:F1} s: {Cause}")]
    public static partial void RetryingCall(this ILogger logger, string method, string path, int retry, int maxRetries, double delaySeconds, string cause);
}
