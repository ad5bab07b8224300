using System.Diagnostics;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// A long read shows one progress line on a terminal (a pseudo-terminal from <c>script</c>), and none when stderr is a
/// pipe or <c>CI</c> is set: CI logs and piped output never get it.
/// </summary>
public sealed class TerminalProgressTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly TestData _data = new();
    private InfluxApiDouble _server = null!;

    public async Task InitializeAsync()
    {
        _server = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss27);
        _server.Faults.Add(new Fault("/api/v2/authorizations", FaultKind.Slow, Delay: TimeSpan.FromSeconds(1.5)));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", false)]
    public async Task A_terminal_sees_progress_and_ci_does_not(string? ci, bool shown)
    {
        var tokengov = $"dotnet {Path.Combine(AppContext.BaseDirectory, "tokengov.dll")} tokens --url {_server.Url} --format csv --output {Path.Combine(_directory.Path, "out.csv")}";
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["-qec", tokengov, "/dev/null"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["INFLUX_TOKEN"] = _data.AuditToken.Token;
        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("CI");
        if (ci is not null)
        {
            start.Environment["CI"] = ci;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var terminal = await output;

        Assert.True(process.ExitCode == 0, terminal);
        Assert.Equal(shown, terminal.Contains("tokengov: 0 of 1 target(s) done; reading 127.0.0.1:", StringComparison.Ordinal));
        Assert.Equal(shown, terminal.Contains("\r\u001b[2K", StringComparison.Ordinal));
        CanaryAssert.NoTokenIn(terminal, _data.AllTokenValues, "the terminal");
    }

    [Fact]
    public async Task Piped_stderr_gets_no_progress()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(
            ["tokens", "--url", _server.Url.ToString(), "--format", "csv"], new Dictionary<string, string?> { ["INFLUX_TOKEN"] = _data.AuditToken.Token, ["CI"] = null });

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("target(s) done", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', stderr);
    }
}
