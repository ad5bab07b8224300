using System.Reflection;

namespace TokenGovernance.Audit.Reporting;

public static class ToolInfo
{
    public const string Name = "tokengov";

    public static readonly string Version =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
