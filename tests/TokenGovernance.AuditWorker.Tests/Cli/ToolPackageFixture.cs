namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// <c>dotnet pack</c> of the worker as the TokenGovernance.Tool package, once, into a folder feed; built into its own
/// artifacts folder so it never races the other tests' builds. Awaited (a minute of build on two cores), so that no
/// test thread waits blocked on it meanwhile.
/// </summary>
public sealed class ToolPackageFixture : IAsyncLifetime
{
    public const string Version = "0.0.0-e2e";

    public string Root { get; } = Directory.CreateTempSubdirectory("tokengov-tool-").FullName;

    public string Feed { get; private set; } = null!;

    /// <summary>The package, or null when <c>dotnet pack</c> failed (<see cref="PackOutput"/> says why).</summary>
    public string? Package { get; private set; }

    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Feed = Directory.CreateDirectory(System.IO.Path.Combine(Root, "feed")).FullName;
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "AuditWorker", "TokenGovernance.AuditWorker.csproj");
        var pack = await DotnetCli.RunAsync(Root, new Dictionary<string, string>(), "pack", project, "-c", "Release", "-o", Feed,
            "-p:Version=" + Version, "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + System.IO.Path.Combine(Root, "artifacts"));
        PackOutput = pack.Output;
        Package = pack.ExitCode == 0 ? Directory.GetFiles(Feed, "*.nupkg").SingleOrDefault() : null;
    }

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

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
