using System.Text.Json;
using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// Two doubles (OSS 2.7, which shows token values, and Cloud, where a deleted owner is looked up by id) behind one
/// hostile server that plays every case of <see cref="HostileCases"/>, and a second origin that redirects lead to.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    internal TestData Oss { get; } = new((builder, test) =>
    {
        builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
        builder.Token(test.ServiceUser, test.Acme, "telegraf", permissions => permissions.Write(test.Telemetry));
    });

    internal TestData Cloud { get; } = new((builder, test) =>
    {
        var leaver = builder.User("leaver");
        builder.Token(leaver, test.Acme, "leaver's writer", permissions => permissions.Write(test.Telemetry));
        leaver.Deleted = true;
    });

    /// <summary>A folder for what a test writes beside the fixture's files.</summary>
    internal TempDirectory Directory => _directory;

    internal InfluxApiDouble OssDouble { get; private set; } = null!;

    internal InfluxApiDouble CloudDouble { get; private set; } = null!;

    internal HostileServer Server { get; private set; } = null!;

    internal HostileServer OtherOrigin { get; private set; } = null!;

    internal IReadOnlyDictionary<string, HostileCase> Cases { get; private set; } = null!;

    internal string OssTokenFile { get; private set; } = null!;

    internal string CloudTokenFile { get; private set; } = null!;

    /// <summary>Every token value both doubles know: none may appear in any output.</summary>
    internal IReadOnlyList<string> Canaries => [.. Oss.AllTokenValues, .. Cloud.AllTokenValues];

    public async Task InitializeAsync()
    {
        OssDouble = await InfluxApiDouble.StartAsync(Oss.Data, InfluxDoubleMode.Oss27);
        CloudDouble = await InfluxApiDouble.StartAsync(Cloud.Data, InfluxDoubleMode.Cloud);
        Server = new HostileServer(OssDouble.Url);
        OtherOrigin = new HostileServer(upstreamDouble: null);
        Cases = HostileCases.Create(new Uri($"http://127.0.0.1:{OtherOrigin.Port}/elsewhere/")).ToDictionary(hostile => hostile.Name);
        OssTokenFile = _directory.File("oss-token", Oss.AuditToken.Token + "\n");
        CloudTokenFile = _directory.File("cloud-token", Cloud.AuditToken.Token + "\n");
        foreach (var hostile in Cases.Values)
        {
            Server.Script(hostile.Name, hostile.Scripts);
            if (hostile.Cloud)
            {
                Server.ProxyTo(hostile.Name, CloudDouble.Url);
            }
        }
    }

    internal string File(string name, string content) => _directory.File(name, content);

    /// <summary>The target of one case: its own URL prefix on the hostile server, and the matching token file.</summary>
    internal JsonObject Target(HostileCase hostile, string? name = null) => new()
    {
        ["Name"] = name ?? "hostile",
        ["Url"] = Server.UrlFor(hostile.Name).ToString(),
        ["TokenFile"] = hostile.Cloud ? CloudTokenFile : OssTokenFile,
        ["Flavor"] = hostile.Cloud ? "cloud" : "oss",
    };

    /// <summary>
    /// A configuration. Client timeouts are generous bounds on a hang by default; <paramref name="stalls"/> makes them
    /// short (1 s an attempt), for a server that stalls on purpose: there the timeout is what is tested, and nothing
    /// else of the call (answered by the local double) comes near it.
    /// </summary>
    internal string Config(string fileName, IEnumerable<JsonObject> targets, string auditTimeout, Action<JsonObject>? extra = null, bool stalls = false)
    {
        var section = new JsonObject
        {
            ["Targets"] = new JsonArray([.. targets]),
            ["AuditTimeout"] = auditTimeout,
            ["Policy"] = new JsonObject { ["GenericUsers"] = new JsonObject { ["Patterns"] = new JsonArray("svc-.*") } },
            ["Client"] = new JsonObject
            {
                ["MaxRetries"] = 1,
                ["RetryBaseDelay"] = "00:00:00.010",
                ["AttemptTimeout"] = stalls ? "00:00:01" : "00:00:15",
                ["TotalTimeout"] = stalls ? "00:00:03" : "00:00:40",
            },
        };
        extra?.Invoke(section);
        return _directory.File(fileName, new JsonObject { ["TokenGovernance"] = section }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await OtherOrigin.DisposeAsync();
        await OssDouble.DisposeAsync();
        await CloudDouble.DisposeAsync();
        _directory.Dispose();
    }
}
