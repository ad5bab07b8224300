namespace TokenGovernance.AuditWorker.Cli;

/// <summary>Checks <c>--output FILE</c> before the audit runs: a directory or a missing folder is a usage error.</summary>
public static class ReportOutput
{
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is empty";
        }

        if (Directory.Exists(path))
        {
            return "is a directory; name a file";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"is in a folder that does not exist ('{folder}')" : null;
    }
}

/// <summary>The report could not be written after the audit ran (exit 74).</summary>
public sealed class ReportOutputException(string message, Exception inner) : Exception(message, inner);
