using System.Runtime.InteropServices;

namespace TokenGovernance.AuditWorker.Tests.NativeAot;

/// <summary>
/// The Native AOT <c>tokengov</c>, published once per test run (<c>dotnet publish src/AuditWorker -r &lt;rid&gt;</c>, as
/// the container image and docs/operations.md do) into a temp folder removed at the end. The tests of this folder
/// run the same scenarios against it as against the build output: what the trimmer or the AOT compiler dropped
/// (reflection, configuration binding, JSON metadata, Quartz's job store, the Kubernetes client's patches) fails here.
/// </summary>
public sealed class NativeAotBinary : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tokengov-native-" + Guid.NewGuid().ToString("N")[..8]);

    public string Path { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Minutes on two cores (the AOT compiler): a longer bound than a build's.
        var result = await DotnetCli.RunAsync(
            RepositoryRoot.Path,
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(15),
            "publish", System.IO.Path.Combine("src", "AuditWorker", "TokenGovernance.AuditWorker.csproj"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", _folder, "-nologo", "-v", "q");
        Assert.True(result.ExitCode == 0, "the Native AOT publish failed:\n" + result.StandardOutput + result.StandardError);
        Path = System.IO.Path.Combine(_folder, "tokengov");
        Assert.True(File.Exists(Path), "the Native AOT publish made no " + Path);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not a test failure.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that run the Native AOT binary: one at a time, after its one publish.</summary>
[CollectionDefinition(Name)]
public sealed class NativeAotCollection : ICollectionFixture<NativeAotBinary>
{
    public const string Name = "Native AOT binary";
}
