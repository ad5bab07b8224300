using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>The real worker host on 127.0.0.1:0, pointed at a double, with an HttpClient for its endpoints.</summary>
internal sealed class WorkerUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly bool _ownsServer;
    private bool _stopped;

    private WorkerUnderTest(InfluxApiDouble server, TestData data, bool ownsServer = true)
    {
        _ownsServer = ownsServer;
        Server = server;
        Data = data;
        TokenFile = _directory.File("token", data.AuditToken.Token);
        TestSettings.ApplyDefaults(Settings, server.Url, TokenFile);
        Settings["Schedule"] = "0 0 0 1 1 ? 2099";
        Settings["Client:MaxRetries"] = "1";
        Settings["Client:AttemptTimeout"] = "00:00:05";

        // What a deployment that exposes the inventory runs with: bearer authentication, the token this harness sends.
        Settings["Http:Authentication:Mode"] = "bearer";
        Settings["Http:Authentication:TokenFiles:0"] = _directory.File("reader", ReaderToken + "\n");
    }

    /// <summary>The bearer token the harness's HTTP client sends to the guarded endpoints.</summary>
    public string ReaderToken { get; } = "reader-" + Guid.NewGuid().ToString("N");

    public InfluxApiDouble Server { get; }

    public TestData Data { get; }

    public string TokenFile { get; }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public LogCollector Logs { get; } = new();

    public static async Task<WorkerUnderTest> CreateAsync(InfluxDoubleMode mode = InfluxDoubleMode.Oss27, TestData? data = null)
    {
        data ??= new TestData((builder, test) => builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry)));
        return new WorkerUnderTest(await InfluxApiDouble.StartAsync(data.Data, mode), data);
    }

    /// <summary>Another worker (replica) auditing the same double; the double stays owned by its creator.</summary>
    public static WorkerUnderTest SharingDouble(WorkerUnderTest first) => new(first.Server, first.Data, ownsServer: false);

    /// <summary>Clustered on PostgreSQL as <paramref name="instanceId"/>, reading the shared snapshot every half second.</summary>
    public WorkerUnderTest UsePostgres(string connectionString, string instanceId)
    {
        Settings["Scheduler:Store"] = "postgres";
        Settings["Scheduler:ConnectionString"] = connectionString;
        Settings["Scheduler:InstanceId"] = instanceId;
        Settings["Scheduler:SnapshotCacheDuration"] = "00:00:00.500";
        Settings["Scheduler:ClusterCheckinInterval"] = "00:00:01";
        return this;
    }

    public async Task StartAsync(string urls = "http://127.0.0.1:0")
    {
        App = WorkerHost.Build(new WorkerSettings { Urls = urls }, customize: builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings.ToDictionary(pair => TokenGovernanceOptions.SectionName + ":" + pair.Key, pair => pair.Value));
            builder.Logging.AddProvider(Logs);
        });
        App.Services.GetValidatedOptions();
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ReaderToken);
    }

    public async Task<PrometheusText> ScrapeAsync()
    {
        var text = await Http.GetStringAsync("/metrics");
        return PrometheusText.Parse(text);
    }

    /// <summary>Polls until <paramref name="condition"/> holds on a scrape, or fails after <paramref name="timeout"/>.</summary>
    public async Task<PrometheusText> WaitForAsync(Func<PrometheusText, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var metrics = await ScrapeAsync();
            if (condition(metrics))
            {
                return metrics;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("condition not met in time; logs:\n" + Logs.Text + "\nlast scrape:\n" + string.Join('\n', metrics.Samples.Select(sample => sample.Name + " " + string.Join(',', sample.Labels) + " " + sample.Value)));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the host (a replica going away); the object stays usable for assertions.</summary>
    public async Task StopAsync()
    {
        if (App is not null && !_stopped)
        {
            _stopped = true;
            await App.StopAsync();
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await Http.GetAsync(path);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await StopAsync();
            await App.DisposeAsync();
        }

        Http?.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }

        _directory.Dispose();
    }
}
