namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// The configuration binder reports a problem inside an array element as "binding has failed" and keeps the real
/// cause (the unknown key, the value that does not convert, with its path) in an inner exception: show that one.
/// </summary>
public static class BindingErrors
{
    public static string Describe(Exception exception)
    {
        var specific = exception;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                specific = inner;
            }
        }

        return System.Text.RegularExpressions.Regex.Replace(specific.Message.ReplaceLineEndings(" "), @"\s+", " ").Trim();
    }
}
