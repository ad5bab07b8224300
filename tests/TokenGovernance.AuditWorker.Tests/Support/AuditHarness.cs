using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>Runs the real audit pipeline in-process against a double, with configuration given as key/value pairs.</summary>
internal sealed class AuditHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private readonly TestData? _testData;

    private AuditHarness(InfluxApiDouble server, TestData? data, string auditToken)
    {
        Server = server;
        _testData = data;
        TokenFile = _directory.File("audit-token", auditToken + "\n");
    }

    public InfluxApiDouble Server { get; }

    /// <summary>The v2 data the double serves (InfluxDB 3 and management harnesses have none).</summary>
    public TestData TestData => _testData ?? throw new InvalidOperationException("this harness serves no v2 TestData");

    public string TokenFile { get; }

    public LogCollector Logs { get; } = new();

    /// <summary>Settings under <c>TokenGovernance:</c>; the target "test" points at the double.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registrations after the real ones (a test's stand-in for a part of the engine).</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    public static async Task<AuditHarness> StartAsync(InfluxDoubleMode mode, TestData? data = null)
    {
        data ??= new TestData();
        var server = await InfluxApiDouble.StartAsync(data.Data, mode);
        var harness = new AuditHarness(server, data, data.AuditToken.Token);
        TestSettings.ApplyDefaults(harness.Settings, server.Url, harness.TokenFile);
        harness.Settings["Policy:AdminUsers:Names:0"] = "admin";
        return harness;
    }

    /// <summary>
    /// An InfluxDB 3 (Core, Enterprise) or management (Dedicated, Clustered) double serving <paramref name="data"/>, with
    /// the target "test" of the matching kind: its audit token is the data's <c>_admin</c> token or its management token.
    /// </summary>
    public static async Task<AuditHarness> StartAsync(InfluxDoubleMode mode, InfluxDataSet data)
    {
        var server = await InfluxApiDouble.StartAsync(data, mode);
        var token = mode.IsV3() ? data.V3Tokens.First(row => row.Name == "_admin").Token : data.ManagementToken;
        var harness = new AuditHarness(server, null, token);
        TestSettings.ApplyDefaults(harness.Settings, server.Url, harness.TokenFile);
        switch (mode)
        {
            case InfluxDoubleMode.V3Core or InfluxDoubleMode.V3Enterprise:
                harness.Settings["Targets:0:Kind"] = "influxdb3";
                break;
            case InfluxDoubleMode.CloudDedicated:
                harness.Settings["Targets:0:Kind"] = "cloud-dedicated";
                harness.Settings["Targets:0:Url"] = null;
                harness.Settings["Targets:0:ManagementUrl"] = server.Url.ToString();
                harness.Settings["Targets:0:AccountId"] = data.AccountId;
                harness.Settings["Targets:0:ClusterId"] = data.ClusterId;
                break;
            default:
                harness.Settings["Targets:0:Kind"] = "clustered";
                break;
        }

        return harness;
    }

    public async Task<TargetAuditResult> AuditAsync()
    {
        var report = await RunAsync();
        return Assert.Single(report.Targets);
    }

    public async Task<AuditReport> RunAsync(AuditDetail detail = AuditDetail.Findings, ReadScope? scope = null, TokenQuery? keep = null)
    {
        using var host = BuildHost();
        var options = host.Services.GetValidatedOptions();
        return await host.Services.GetRequiredService<AuditRunner>().RunAsync(options.Targets, CancellationToken.None, new AuditRequest { Detail = detail, Scope = scope ?? ReadScope.All, Keep = keep });
    }

    public IHost BuildHost()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings.ToDictionary(pair => TokenGovernanceOptions.SectionName + ":" + pair.Key, pair => pair.Value));
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(new TestClock(TestData.Now));
        builder.Services.AddTokenGovernanceCore(builder.Configuration);
        ExtraServices?.Invoke(builder.Services);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
