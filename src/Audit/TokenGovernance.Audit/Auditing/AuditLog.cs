namespace TokenGovernance.Audit.Auditing;

/// <summary>Source-generated log messages of the audit. None of them takes a token value.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Audit of {Target}: {Outcome}, {Authorizations} authorizations, {Findings} findings, {Suppressed} suppressed, {DurationSeconds:F2} s")]
    public static partial void AuditFinished(this ILogger logger, string target, string outcome, int authorizations, int findings, int suppressed, double durationSeconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Audit failed: {Error}")]
    public static partial void AuditFailed(this ILogger logger, string target, string error);

    /// <summary>The exception's message is left out on purpose: it may quote whatever input caused it, a token included.</summary>
    [LoggerMessage(EventId = 102, Level = LogLevel.Error,
        Message = "Audit of {Target} failed with an internal error: {ExceptionType}{Site}; stack trace: {StackTrace}")]
    public static partial void AuditCrashed(this ILogger logger, string target, string exceptionType, string site, string stackTrace);
}
