using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TokenGovernance.AuditWorker.Health;

/// <summary>Plain text: the overall status, then one line per check with its cause, so a probe's log says why.</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(entry => $"{entry.Key}: {entry.Value.Status}: {entry.Value.Description}".ReplaceLineEndings(" "));
        return context.Response.WriteAsync(report.Status + "\n" + string.Join("\n", lines) + "\n");
    }
}
