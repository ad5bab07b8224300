namespace TokenGovernance.Tests.Shared;

/// <summary>Runs the dotnet CLI as a user would, with a bounded time and the output captured.</summary>
internal static class DotnetCli
{
    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(workingDirectory, environment, timeout: null, arguments);

    /// <param name="timeout">The bound; ProcessRunner's default when null (a Native AOT publish needs more).</param>
    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout, params string[] arguments)
    {
        // Builds inside a test must not share the test runner's MSBuild node or server.
        var variables = environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, variables, timeout);
    }
}
