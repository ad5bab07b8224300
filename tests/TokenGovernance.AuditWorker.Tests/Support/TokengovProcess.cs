using System.Diagnostics;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// Runs the real <c>tokengov</c> binary as a user would, capturing exit code, stdout and stderr: the build output
/// under <c>dotnet</c>, or, inside a test of the NativeAot folder, the Native AOT binary (<see cref="Native"/>).
/// </summary>
internal static class TokengovProcess
{
    private static readonly AsyncLocal<string?> NativeBinary = new();

    /// <summary>
    /// The Native AOT binary every tokengov process of the current test runs instead of the build output; null for
    /// the build output. Set by the constructor of a NativeAot test class (an async-local: the test's own flow only,
    /// other tests running in parallel keep theirs).
    /// </summary>
    public static string? Native
    {
        get => NativeBinary.Value;
        set => NativeBinary.Value = value;
    }

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tokengov did not exit in time: " + string.Join(' ', arguments));
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The program that runs tokengov and the arguments before tokengov's own: the native binary, or <c>dotnet tokengov.dll</c>.</summary>
    public static (string File, string[] Prefix) Command =>
        Native is { } native ? (native, []) : ("dotnet", [Path.Combine(AppContext.BaseDirectory, "tokengov.dll")]);

    /// <summary>Starts tokengov without waiting (a long-running worker); stdout and stderr are redirected.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (file, prefix) = Command;
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("INFLUX_TOKEN");
        foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("TokenGovernance__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
