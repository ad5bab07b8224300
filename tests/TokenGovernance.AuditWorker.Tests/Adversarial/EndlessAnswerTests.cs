using System.Text;
using TokenGovernance.AuditWorker.Tests.InfluxV3;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// An answer that never ends — a <c>system.tokens</c> row, or a management token list, whose description has no
/// closing quote — sent as fast as loopback goes: every reader bounds what it reads (64 MiB for a whole answer; the
/// v2 list bounds each element), so the target fails with one line naming the bound instead of the process taking
/// gigabytes and dying of OutOfMemoryException (exit 70) under the chart's 512 MiB limit.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class EndlessAnswerTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private HostileServer _server = null!;
    private InfluxApiDouble _v3 = null!;
    private InfluxApiDouble _clustered = null!;
    private readonly InfluxDataSet _v3Data = V3Data.V3();
    private readonly InfluxDataSet _clusteredData = V3Data.Management();

    public async Task InitializeAsync()
    {
        _v3 = await InfluxApiDouble.StartAsync(_v3Data, InfluxDoubleMode.V3Enterprise);
        _clustered = await InfluxApiDouble.StartAsync(_clusteredData, InfluxDoubleMode.Clustered);
        _server = new HostileServer(_v3.Url);
        _server.ProxyTo("clustered", _clustered.Url);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _v3.DisposeAsync();
        await _clustered.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("influxdb3", "v3", "/api/v3/query_sql", """[{"token_id":1,"name":"x","description":" """, "GET /api/v3/query_sql")]
    [InlineData("clustered", "clustered", "/api/v0/tokens", """[{"id":"a","description":" """, "GET /api/v0/tokens")]
    public async Task An_endless_description_fails_the_target_at_the_bound(string kind, string caseName, string path, string start, string call)
    {
        _server.Script(caseName, new HostileScript(path, async exchange =>
        {
            await exchange.WriteRawAsync(HostileExchange.Head(200, "OK", contentLength: null), Encoding.UTF8.GetBytes(start));
            var chunk = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
            for (var sent = 0; sent < 1024 && !exchange.Stopping.IsCancellationRequested; sent++)
            {
                await exchange.Stream.WriteAsync(chunk, exchange.Stopping);
            }
        }));
        var token = kind == "influxdb3" ? _v3Data.V3Tokens.Single(row => row.Name == "_admin").Token : _clusteredData.ManagementToken;
        var tokenFile = _directory.File(caseName + "-token", token + "\n");
        var target = $$"""{"Name": "hostile", "Kind": "{{kind}}", "Url": "{{_server.UrlFor(caseName)}}", "TokenFile": "{{tokenFile}}"}""";
        var config = _directory.File(caseName + ".json", $$"""{"TokenGovernance": {"Targets": [{{target}}]} }""");

        var run = await AdversarialAssert.RunAsync(["audit", "--config", config, "--format", "json", "--fail-on", "none"]);

        AdversarialAssert.NoCrash(run);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardError}");
        AdversarialAssert.OneLine(run, $"tokengov: audit failed: target 'hostile': {call} returned a body larger than 64 MiB");
        AdversarialAssert.NoCanary([token], ("stderr", run.StandardError), ("stdout", run.StandardOutput));
    }
}
