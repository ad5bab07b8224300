using System.Diagnostics;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>What every adversarial case asserts, whatever its input: bounded, one clear line, no crash, no canary.</summary>
internal static class AdversarialAssert
{
    /// <summary>
    /// No case may take longer than this, stalls included: the audit timeout of a case (20 s) and room for a busy
    /// machine, yet less than the 60 s a stalling script holds out, so a tokengov that waited for the server fails it.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(50);

    /// <param name="bound">A case's own bound, when its audit timeout is longer than the default's (real work, not a stall).</param>
    public static async Task<CliRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? bound = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(arguments, environment, timeout: (bound ?? Bound) + TimeSpan.FromSeconds(20));
        return new CliRun(exitCode, stdout, stderr, stopwatch.Elapsed, bound ?? Bound);
    }

    /// <summary>Never a .NET crash: no unhandled exception, no stack trace, no escape sequence on stderr.</summary>
    public static void NoCrash(CliRun run)
    {
        Assert.DoesNotContain("Unhandled exception", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(134, run.ExitCode);
        Assert.True(run.Elapsed < run.Bound, $"took {run.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain('\u001b', run.StandardError);
        Assert.DoesNotContain('\u0007', run.StandardError);
        Assert.DoesNotContain('\r', run.StandardError);
    }

    /// <summary>The tool's own lines (<c>tokengov: …</c>) on stderr: exactly one, holding <paramref name="expected"/>.</summary>
    public static string OneLine(CliRun run, string expected)
    {
        var lines = run.StandardError.Split('\n').Where(line => line.StartsWith("tokengov: ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, "expected one line, got:\n" + run.StandardError);
        Assert.True(lines[0].Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in: {lines[0]}");
        return lines[0];
    }

    public static void NoCanary(IEnumerable<string> canaries, params (string Where, string Text)[] outputs)
    {
        foreach (var (where, text) in outputs)
        {
            CanaryAssert.NoTokenIn(text, canaries, where);
        }
    }
}

internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, TimeSpan Bound);
