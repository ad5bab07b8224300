using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// A real <c>tokengov run</c> process on a free loopback port, for tests that must not share a process with other
/// worker hosts (metrics of in-process hosts can mix) or that assert on what the process itself prints.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private WorkerProcess(IEnumerable<string> arguments, string? bearer = null)
    {
        var port = FreePort();
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        if (bearer is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        _process = TokengovProcess.Start(["run", .. arguments, "--urls", $"http://127.0.0.1:{port}"]);
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public HttpClient Http { get; }

    public int Port { get; }

    public static WorkerProcess Start(string config) => new(["--config", config]);

    /// <summary>A worker whose HTTP client sends <paramref name="bearer"/> (the token its <c>Http:Authentication</c> accepts).</summary>
    public static WorkerProcess Start(string config, string bearer) => new(["--config", config], bearer);

    /// <summary>
    /// An <c>Http</c> section that exposes the report (and, with <paramref name="tokens"/>, the token list) behind bearer
    /// authentication with a new token written into <paramref name="directory"/>; returns the token to send.
    /// </summary>
    public static (System.Text.Json.Nodes.JsonObject Section, string Bearer) GuardedHttp(TempDirectory directory, bool tokens = false)
    {
        var bearer = "reader-" + Guid.NewGuid().ToString("N");
        var section = new System.Text.Json.Nodes.JsonObject
        {
            ["ExposeReport"] = true,
            ["ExposeTokens"] = tokens,
            ["Authentication"] = new System.Text.Json.Nodes.JsonObject
            {
                ["Mode"] = "bearer",
                ["TokenFiles"] = new System.Text.Json.Nodes.JsonArray(directory.File("reader-" + Guid.NewGuid().ToString("N")[..8], bearer + "\n")),
            },
        };
        return (section, bearer);
    }

    /// <summary><c>tokengov run --demo</c>: the worker on its built-in demo target, as the README's first line runs it.</summary>
    public static WorkerProcess StartDemo() => new(["--demo"]);

    /// <summary><c>tokengov run --demo --config</c>: the demo targets with the worker settings of <paramref name="config"/>.</summary>
    public static WorkerProcess StartDemo(string config) => new(["--demo", "--config", config]);

    /// <summary>Scrapes until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> naming what is missing.</summary>
    public async Task<PrometheusText> WaitForAsync(Func<PrometheusText, bool> condition, TimeSpan timeout, Func<PrometheusText?, string> describe)
    {
        PrometheusText? metrics = null;
        await Poll.UntilAsync(
            async () =>
            {
                metrics = await ScrapeAsync();
                return metrics is not null && condition(metrics);
            },
            timeout,
            () => describe(metrics));
        return metrics!;
    }

    /// <summary>Stops the process and returns everything it printed.</summary>
    public async Task<string> StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        return await _stdout + await _stderr;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private async Task<PrometheusText?> ScrapeAsync()
    {
        try
        {
            return PrometheusText.Parse(await Http.GetStringAsync("metrics"));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
