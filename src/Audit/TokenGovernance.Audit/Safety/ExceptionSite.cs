namespace TokenGovernance.Audit.Safety;

/// <summary>
/// Where an exception was thrown (<c>TargetAuditor.AuditAsync</c>), from the first frame of its stack trace: enough to
/// find a bug, without the exception's message, which may quote the input that caused it (a token included).
/// </summary>
public static class ExceptionSite
{
    /// <summary><c>" in Type.Method"</c>, or empty when the trace says nothing.</summary>
    public static string Of(Exception exception)
    {
        var trace = exception.StackTrace;
        if (string.IsNullOrEmpty(trace))
        {
            return string.Empty;
        }

        var line = trace.AsSpan().TrimStart();
        line = line.StartsWith("at ") ? line[3..] : line;
        var end = line.IndexOfAny('(', '\n');
        var method = (end >= 0 ? line[..end] : line).Trim().ToString();
        var parts = method.Split('.');
        return parts.Length >= 2 ? $" in {parts[^2]}.{parts[^1]}" : $" in {method}";
    }
}
