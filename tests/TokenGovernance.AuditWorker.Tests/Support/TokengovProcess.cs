using System.Diagnostics;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>Runs the real <c>tokengov</c> binary as a user would, capturing exit code, stdout and stderr.</summary>
internal static class TokengovProcess
{
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

    /// <summary>Starts tokengov without waiting (a long-running worker); stdout and stderr are redirected.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tokengov.dll"));
        foreach (var argument in arguments)
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
