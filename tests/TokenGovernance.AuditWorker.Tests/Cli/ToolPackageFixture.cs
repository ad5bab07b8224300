namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// <c>dotnet pack</c> of the worker as the TokenGovernance.Tool package, once, into a folder feed; built into its own
/// artifacts folder so it never races the other tests' builds.
/// </summary>
public sealed class ToolPackageFixture : IDisposable
{
    public const string Version = "0.0.0-e2e";

    public ToolPackageFixture()
    {
        Feed = Directory.CreateDirectory(System.IO.Path.Combine(Root, "feed")).FullName;
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "AuditWorker", "TokenGovernance.AuditWorker.csproj");
        var pack = DotnetCli.RunAsync(Root, new Dictionary<string, string>(), "pack", project, "-c", "Release", "-o", Feed,
            "-p:Version=" + Version, "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + System.IO.Path.Combine(Root, "artifacts")).GetAwaiter().GetResult();
        PackOutput = pack.Output;
        Package = pack.ExitCode == 0 ? Directory.GetFiles(Feed, "*.nupkg").SingleOrDefault() : null;
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("tokengov-tool-").FullName;

    public string Feed { get; }

    /// <summary>The package, or null when <c>dotnet pack</c> failed (<see cref="PackOutput"/> says why).</summary>
    public string? Package { get; }

    public string PackOutput { get; }

    /// <summary>A folder whose nuget.config knows only the feed: installs never look anywhere else.</summary>
    public string IsolatedFolder(string name)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(Root, name)).FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{Feed}" /></packageSources></configuration>
            """);
        return folder;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
