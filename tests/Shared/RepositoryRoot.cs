namespace TokenGovernance.Tests.Shared;

/// <summary>The folder with TokenGovernance.sln, found upwards from the test binaries (shared by the test projects).</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TokenGovernance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TokenGovernance.sln not found above " + AppContext.BaseDirectory);
    }
}
