using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>What System.CommandLine adds to the same commands: help per command, suggestions, response files.</summary>
public sealed class CommandLineConventionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_command_has_its_own_help()
    {
        var audit = await TokengovProcess.RunAsync(["audit", "--help"]);
        var run = await TokengovProcess.RunAsync(["run", "--help"]);

        Assert.Equal(0, audit.ExitCode);
        Assert.Contains("--fail-on <LEVEL>", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--format <table|json|sarif>", audit.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("--token ", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--urls <URLS>", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_alone_is_the_run_command()
    {
        // README's first line: `dotnet run --project src/AuditWorker -- --demo`, with no command word.
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["--demo", "--urls", "not a url"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("--urls 'not a url' is not a listen address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_option_given_twice_keeps_the_last_value_as_before()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--config", "/nonexistent/first.json", "--config", "/nonexistent/second.json"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("config file '/nonexistent/second.json' not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_before_the_command_word_applies_to_it()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["--config", "/nonexistent/before.json", "audit"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("config file '/nonexistent/before.json' not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_option_gets_a_suggestion()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--fromat", "json"]);

        Assert.Equal(64, exitCode);
        Assert.Contains("unknown option '--fromat' for 'audit' (did you mean '--format'?)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_can_come_from_a_response_file()
    {
        var responseFile = _directory.File("audit.rsp", "audit\n--format\nxml\n");

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["@" + responseFile]);

        Assert.Equal(64, exitCode);
        Assert.Contains("--format 'xml' is not table, json or sarif", stderr, StringComparison.Ordinal);
    }
}
