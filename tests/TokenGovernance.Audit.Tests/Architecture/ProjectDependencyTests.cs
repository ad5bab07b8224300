using System.Reflection;

namespace TokenGovernance.Audit.Tests.Architecture;

/// <summary>
/// The dependency table of docs/architecture.md, checked on the built assemblies: a cycle or a host package in the
/// engine is a red build, not a review comment.
/// </summary>
public sealed partial class ProjectDependencyTests
{
    /// <summary>Assembly names (or prefixes ending in '.') that no project below the host may reference.</summary>
    private static readonly string[] HostOnly = ["Microsoft.AspNetCore", "Quartz", "Npgsql", "KubernetesClient", "OpenTelemetry", "TokenGovernance.AuditWorker"];

    /// <summary>All the engine may reference besides the runtime: token detection and Microsoft.Extensions abstractions.</summary>
    private static readonly string[] EngineAllowed =
    [
        "TokenGovernance.TokenDetection", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options", "Microsoft.Extensions.FileSystemGlobbing", "Microsoft.Extensions.Primitives",
    ];

    public static TheoryData<string, string[], string[]> Table => new()
    {
        {
            "TokenGovernance.Audit",
            ["TokenGovernance.TokenDetection", "Microsoft.Extensions.Options"],
            [.. HostOnly, "Polly", "Microsoft.Extensions.Http", "TokenGovernance.Audit.Http", "TokenGovernance.Audit.InfluxV2", "TokenGovernance.Audit.InfluxV3", "TokenGovernance.Audit.Management", "TokenGovernance.Audit.Kubernetes", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.Audit.Http",
            ["TokenGovernance.Audit", "Microsoft.Extensions.Http.Resilience"],
            [.. HostOnly, "TokenGovernance.Audit.InfluxV2", "TokenGovernance.Audit.InfluxV3", "TokenGovernance.Audit.Management", "TokenGovernance.Audit.Kubernetes", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.Audit.InfluxV2",
            ["TokenGovernance.Audit", "TokenGovernance.Audit.Http"],
            [.. HostOnly, "TokenGovernance.Audit.InfluxV3", "TokenGovernance.Audit.Management", "TokenGovernance.Audit.Kubernetes", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.Audit.InfluxV3",
            ["TokenGovernance.Audit", "TokenGovernance.Audit.Http"],
            [.. HostOnly, "TokenGovernance.Audit.InfluxV2", "TokenGovernance.Audit.Management", "TokenGovernance.Audit.Kubernetes", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.Audit.Management",
            ["TokenGovernance.Audit", "TokenGovernance.Audit.Http"],
            [.. HostOnly, "TokenGovernance.Audit.InfluxV2", "TokenGovernance.Audit.InfluxV3", "TokenGovernance.Audit.Kubernetes", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.Audit.Kubernetes",
            ["TokenGovernance.Audit", "KubernetesClient.Aot"],
            ["Microsoft.AspNetCore", "Quartz", "Npgsql", "OpenTelemetry", "TokenGovernance.AuditWorker", "Polly", "TokenGovernance.Audit.InfluxV2", "TokenGovernance.InfluxDouble"]
        },
        {
            "TokenGovernance.InfluxDouble",
            [],
            ["Quartz", "Npgsql", "KubernetesClient", "OpenTelemetry", "TokenGovernance.AuditWorker", "TokenGovernance.Audit"]
        },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_project_references_only_what_the_table_allows(string project, string[] required, string[] forbidden)
    {
        var references = Assembly.Load(project).GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        foreach (var name in required)
        {
            Assert.Contains(name, references);
        }

        var offending = references.Where(reference => forbidden.Any(name => reference == name || reference.StartsWith(name + ".", StringComparison.Ordinal))).ToList();
        Assert.True(offending.Count == 0, $"{project} references {string.Join(", ", offending)}");
        if (project == "TokenGovernance.Audit")
        {
            // Beyond the runtime, only the table's own entries.
            var others = references.Where(reference => !reference.StartsWith("System", StringComparison.Ordinal) && reference != "netstandard" && !EngineAllowed.Contains(reference)).ToList();
            Assert.True(others.Count == 0, $"the engine references {string.Join(", ", others)}");
        }
    }

    [Fact]
    public void No_engine_source_file_names_a_host_package()
    {
        var engine = Path.Combine(RepositoryRoot.Path, "src", "Audit", "TokenGovernance.Audit");
        var offending = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => HostReference().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(engine, file))
            .ToList();

        Assert.Empty(offending);
    }

    /// <summary>A using directive or a qualified name of a host package (a comment that names one is not a reference).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\busing\s+(static\s+)?(Microsoft\.AspNetCore|Quartz|Npgsql|k8s)\b|\b(Microsoft\.AspNetCore|Quartz|Npgsql|k8s)\.[A-Z]")]
    private static partial System.Text.RegularExpressions.Regex HostReference();
}
