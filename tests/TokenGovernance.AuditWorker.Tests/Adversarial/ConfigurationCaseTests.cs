using System.Diagnostics;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// Every case of <see cref="ConfigurationCases"/> through the real binary: the exit code, one clear line (or, where
/// the case expects success, none), within the bound, no crash, and the audit token nowhere in the output.
/// </summary>
[Collection(AdversarialCollection.Name)]
public class ConfigurationCaseTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    public static TheoryData<string> Names => new(ConfigurationCases.All.Select(configurationCase => configurationCase.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_gets_its_exit_code_and_one_clear_line(string name)
    {
        var configurationCase = ConfigurationCases.All.Single(candidate => candidate.Name == name);
        using var context = new ConfigurationContext(fixture, "config-" + name);
        var arguments = configurationCase.Arrange(context);

        var run = arguments[0] == "--stdout-to-dev-full" ? await RunWithStdoutAtDevFullAsync(arguments[1..]) : await AdversarialAssert.RunAsync(arguments);

        AdversarialAssert.NoCrash(run);
        Assert.True(run.ExitCode == configurationCase.ExitCode, $"exit {run.ExitCode}, expected {configurationCase.ExitCode}: {run.StandardError}");
        if (configurationCase.Expected.Length > 0)
        {
            AdversarialAssert.OneLine(run, configurationCase.Expected);
        }
        else
        {
            Assert.DoesNotContain("tokengov: ", run.StandardError, StringComparison.Ordinal);
        }

        AdversarialAssert.NoCanary(fixture.Canaries, ("stdout", run.StandardOutput), ("stderr", run.StandardError));
        if (configurationCase.NoAuditRuns)
        {
            Assert.Equal(0, fixture.Server.Requests("config-" + name, "/api/v2"));
        }
    }

    /// <summary>The report to a standard output that is <c>/dev/full</c>, as a shell redirect makes it.</summary>
    private static async Task<CliRun> RunWithStdoutAtDevFullAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        var (file, prefix) = TokengovProcess.Command;
        foreach (var argument in (string[])["-c", "exec \"$0\" \"$@\" > /dev/full", file, .. prefix, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("INFLUX_TOKEN");
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(AdversarialAssert.Bound + TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, string.Empty, stderr, stopwatch.Elapsed, AdversarialAssert.Bound);
    }
}
