namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// <c>References:Files:N:Include</c> patterns are relative to the source's <c>Path</c> and stay inside it: an
/// absolute pattern or a <c>..</c> segment would walk out of it (and makes the glob matcher throw).
/// </summary>
public static class FileGlobs
{
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "is empty";
        }

        if (Path.IsPathRooted(pattern) || pattern.StartsWith('~'))
        {
            return "must be relative to the source's Path";
        }

        var segments = pattern.Split('/', '\\');
        if (segments.Any(segment => segment == ".."))
        {
            return "must not contain '..' (patterns stay inside the source's Path)";
        }

        return pattern.Any(char.IsControl) ? "holds control characters" : null;
    }
}
