using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;
using static TokenGovernance.AuditWorker.Tests.Support.HostileResponses;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// Bad configurations, command lines and input files, one line a case: what the case sets up (returning the
/// command line), the exit code, and the text of the one line the user must see.
/// </summary>
internal static class ConfigurationCases
{
    public static IReadOnlyList<ConfigurationCase> All { get; } =
    [
        new("config-empty-value", _ => ["audit", "--config="], 64, "tokengov: --config needs a value"),
        new("urls-not-a-url", context => ["run", "--config", context.Config(), "--urls", "not a url"], 64, "--urls 'not a url' is not a listen address"),
        new("port-in-use", context => ["run", "--config", context.Config(), "--urls", $"http://127.0.0.1:{context.BusyPort()}"], 70, "cannot listen on"),
        new("cron-never-fires", context => Audit(context, section => section["Schedule"] = "0 0 0 31 2 ?"), 64, "TokenGovernance:Schedule '0 0 0 31 2 ?' never fires"),
        new("attempt-timeout-max", context => Audit(context, section => Client(section)["AttemptTimeout"] = "10675199.02:48:05"), 64, "TokenGovernance:Client:AttemptTimeout '10675199.02:48:05' is out of range"),
        new("total-timeout-below-attempt", context => Audit(context, section => Client(section)["TotalTimeout"] = "00:00:00.500"), 64, "TokenGovernance:Client:TotalTimeout '00:00:00.5000000' must be longer than"),
        new("probes-per-second-tiny", context => Audit(context, section => section["References"] = new JsonObject { ["ProbesPerSecond"] = 1e-300 }), 64, "TokenGovernance:References:ProbesPerSecond '1E-300' is out of range"),
        new("grace-negative", context => Audit(context, section => section["ShutdownGracePeriod"] = "-00:00:01"), 64, "TokenGovernance:ShutdownGracePeriod '-00:00:01' is out of range"),
        new("max-retries-zero", context => Audit(context, section => Client(section)["MaxRetries"] = 0), 64, "TokenGovernance:Client:MaxRetries '0' is out of range"),
        new("max-lookups-zero", context => Audit(context, section => Client(section)["MaxConcurrentLookups"] = 0), 64, "TokenGovernance:Client:MaxConcurrentLookups '0' is out of range"),
        new("ca-bundle-not-pem", context => Audit(context, section => Target(section)["CaBundleFile"] = context.File("ca.pem", "not a certificate\n")), 64, "CaBundleFile"),
        new("ca-bundle-directory", context => Audit(context, section => Target(section)["CaBundleFile"] = context.Directory), 64, "is not a regular file (it is a directory)"),
        new("glob-parent-segment", context => Audit(context, section => section["References"] = Files(context.Directory, "configs/../../etc/*")), 64, "TokenGovernance:References:Files:0:Include:0 'configs/../../etc/*' must not contain '..'"),
        new("unknown-key-in-array", context => Audit(context, section => Target(section)["Tokn"] = "x"), 64, "TokenGovernance:Targets:0: 'Tokn' is not a known setting"),
        new("wrong-shape-in-array", context => Audit(context, section => Target(section)["Orgs"] = "acme"), 64, "TokenGovernance:Targets:0:Orgs"),
        new("object-where-a-list-belongs", context => Audit(context, section => Target(section)["Orgs"] = new JsonObject { ["a"] = "acme" }), 64, "TokenGovernance:Targets:0:Orgs: takes a list (a JSON array), not a section (a JSON object)"),
        new("json-syntax-error", context => ["audit", "--config", context.File("broken.json", "{\"TokenGovernance\": {\n  \"Targets\": [\n    {\"Name\": \"p\" \"Url\": \"x\"}]}}")], 64, "is not valid JSON: line 3, column"),
        new("config-is-fifo", context => ["audit", "--config", context.Fifo("config.json")], 64, "is not a regular file (it is a FIFO (named pipe))"),
        new("config-is-directory", context => ["audit", "--config", context.Directory], 64, "is not a regular file (it is a directory)"),
        new("token-file-fifo", context => Audit(context, section => Target(section)["TokenFile"] = context.Fifo("token")), 64, "TokenFile"),
        new("token-file-two-lines", context => Audit(context, section => Target(section)["TokenFile"] = context.File("token2", context.Token + "\n" + context.Token + "\n")), 2, "holds 2 lines"),
        new("token-file-nul", context => Audit(context, section => Target(section)["TokenFile"] = context.File("token0", context.Token[..40] + "\0" + context.Token[40..])), 2, "white space or control characters"),
        new("remediation-revoke", context => Audit(context, section => section["Remediation"] = Remediation("revoke")), 64, "TokenGovernance:Remediation:Rules:TG2001 'revoke' is permanent"),
        new("remediation-reissue-without-service-user", context => Audit(context, section => section["Remediation"] = Remediation("reissue")), 64, "has no ServiceUser and TokenGovernance:Remediation:ServiceUser is not set: name the generic user new tokens are created for"),
        new("remediation-reissue-wrong-rule", context => Audit(context, section => section["Remediation"] = new JsonObject { ["Rules"] = new JsonObject { ["TG2005"] = "reissue" }, ["ServiceUser"] = "svc-telegraf" }), 64, "TokenGovernance:Remediation:Rules:TG2005 'reissue' applies to TG2001 and TG2010 only"),
        new("remediation-unknown-action", context => Audit(context, section => section["Remediation"] = Remediation("delete")), 64, "TokenGovernance:Remediation:Rules:TG2001 'delete' is not deactivate, reissue or none"),
        new("remediation-apply-without-journal", context => ["run", "--config", context.Config(section => section["Remediation"] = Remediation("deactivate", "apply"))], 64, "TokenGovernance:Remediation:JournalFile is required with Mode 'apply'"),
        new("remediation-plan-edited", context => ["remediate", "apply", context.File("plan.json", "{\"schemaVersion\": 1, \"digest\": \"sha256:00\"}"), "--config", context.Config()], 64, "is not a tokengov plan"),
        new("output-is-directory", context => [.. Audit(context), "--output", context.Directory], 64, "is a directory; name a file", noAuditRuns: true),
        new("output-folder-missing", context => [.. Audit(context), "--output", Path.Combine(context.Directory, "missing", "report.json")], 64, "is in a folder that does not exist", noAuditRuns: true),
        new("output-device-full", context => [.. Audit(context), "--output", "/dev/full"], 74, "cannot write the report to '/dev/full'"),
        new("stdout-device-full", context => ["--stdout-to-dev-full", .. Audit(context)], 74, "cannot write the report to standard output"),
        new("generic-users-nested-quantifier", context => Audit(context, section => Patterns(section, "(a+)+$"), longUserName: true), 0, string.Empty),
        new("generic-users-backreference", context => Audit(context, section => Patterns(section, "(a+)+\\1$"), longUserName: true), 2, "TokenGovernance:Policy:GenericUsers:Patterns:0"),
        new("inventory-null-entry", context => Audit(context, section => section["References"] = new JsonObject { ["Inventory"] = context.File("inventory.json", "[null]") }), 2, "tokengov: reference source failed: inventory"),
        new("inventory-fifo", context => Audit(context, section => section["References"] = new JsonObject { ["Inventory"] = context.Fifo("inventory.json") }), 2, "is not a regular file (it is a FIFO"),
        new("kubeconfig-unparsable", context => Audit(context, section => section["References"] = Kubernetes(context.File("kubeconfig", "apiVersion: v1\nclusters: [ {\n"))), 2, "kubernetes source: no usable configuration"),
        new("kube-api-garbage", context => Audit(context, section => section["References"] = Kubernetes(context.Kubeconfig(Body("<html>502</html>", reason: "OK")))), 2, "the Kubernetes API answered something unusable"),
        new("kube-api-wrong-type", context => Audit(context, section => section["References"] = Kubernetes(context.Kubeconfig(Body("""{"kind":"SecretList","items":"none"}""")))), 2, "the Kubernetes API answered something unusable"),
        new("kind-unknown", context => Audit(context, section => Target(section)["Kind"] = "influxdb4"), 64, "TokenGovernance:Targets:0:Kind 'influxdb4' is not influxdb2, influxdb3, cloud-dedicated or clustered"),
        new("v3-with-v2-flavor", context => Audit(context, section => Target(section)["Kind"] = "influxdb3"), 64, "TokenGovernance:Targets:0:Flavor 'oss' applies to influxdb2 targets only"),
        new("v3-with-orgs", context => Audit(context, section => Kind(section, "influxdb3")["Orgs"] = new JsonArray("acme")), 64, "TokenGovernance:Targets:0:Orgs applies to influxdb2 targets only"),
        new("dedicated-without-account", context => Audit(context, section => Kind(section, "cloud-dedicated")["ClusterId"] = "33333333-3333-4333-8333-333333333333"), 64, "TokenGovernance:Targets:0:AccountId is required for a cloud-dedicated target"),
        new("dedicated-cluster-not-uuid", context => Audit(context, section =>
        {
            var target = Kind(section, "cloud-dedicated");
            target["AccountId"] = "11111111-1111-4111-8111-111111111111";
            target["ClusterId"] = "prod";
        }), 64, "TokenGovernance:Targets:0:ClusterId 'prod' is not a UUID"),
        new("v2-with-account", context => Audit(context, section => Target(section)["AccountId"] = "11111111-1111-4111-8111-111111111111"), 64, "TokenGovernance:Targets:0: AccountId, ClusterId and ManagementUrl apply to cloud-dedicated and clustered targets only"),
        new("clustered-management-url-ftp", context => Audit(context, section => Kind(section, "clustered")["ManagementUrl"] = "ftp://cluster"), 64, "TokenGovernance:Targets:0:ManagementUrl 'ftp://cluster' is not an absolute http:// or https:// URL"),
        new("kube-api-null-items", context => Audit(context, section => section["References"] = Kubernetes(context.Kubeconfig(Body("""{"kind":"SecretList","metadata":{},"items":null}""")))), 0, string.Empty),
    ];

    private static JsonObject Remediation(string action, string mode = "off") =>
        new() { ["Rules"] = new JsonObject { ["TG2001"] = action }, ["Mode"] = mode };

    private static string[] Audit(ConfigurationContext context, Action<JsonObject>? change = null, bool longUserName = false) =>
        ["audit", "--config", context.Config(change, longUserName), "--fail-on", "none", "--format", "json"];

    private static JsonObject Client(JsonObject section) => (JsonObject)section["Client"]!;

    private static JsonObject Target(JsonObject section) => (JsonObject)section["Targets"]![0]!;

    private static JsonObject Kind(JsonObject section, string kind)
    {
        var target = Target(section);
        target["Kind"] = kind;
        target.Remove("Flavor");
        return target;
    }

    private static void Patterns(JsonObject section, string pattern) =>
        section["Policy"] = new JsonObject { ["GenericUsers"] = new JsonObject { ["Patterns"] = new JsonArray(pattern) } };

    private static JsonObject Files(string path, string include) =>
        new() { ["Files"] = new JsonArray(new JsonObject { ["Path"] = path, ["Include"] = new JsonArray(include) }) };

    private static JsonObject Kubernetes(string kubeconfig) =>
        new() { ["Kubernetes"] = new JsonObject { ["Enabled"] = true, ["Namespaces"] = new JsonArray("apps"), ["Kubeconfig"] = kubeconfig, ["ConfigMaps"] = false } };
}

internal sealed record ConfigurationCase(string Name, Func<ConfigurationContext, string[]> Arrange, int ExitCode, string Expected, bool noAuditRuns = false)
{
    public bool NoAuditRuns { get; } = noAuditRuns;

    public override string ToString() => Name;
}

/// <summary>What a case can set up: files, FIFOs, a taken port, a fake Kubernetes API, a config for the proxied double.</summary>
internal sealed class ConfigurationContext(HostileFixture fixture, string caseName) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<IDisposable> _owned = [];

    public string Directory => _directory.Path;

    /// <summary>A user name that makes a nested quantifier backtrack exponentially.</summary>
    private static readonly string LongName = new string('a', 5000) + "!";

    public string Token => fixture.Oss.AuditToken.Token;

    public string File(string name, string content) => _directory.File(name, content);

    public string Fifo(string name) => _directory.Fifo(name);

    public int BusyPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _owned.Add(new Disposer(listener.Stop));
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A kubeconfig whose API server answers every request with <paramref name="respond"/>.</summary>
    public string Kubeconfig(Func<HostileExchange, Task> respond)
    {
        fixture.OtherOrigin.Script(caseName, new HostileScript("/", respond));
        var server = fixture.OtherOrigin.UrlFor(caseName).ToString().TrimEnd('/');
        return File("kubeconfig", $$"""
            apiVersion: v1
            kind: Config
            clusters: [{"name": "fake", "cluster": {"server": "{{server}}"} }]
            users: [{"name": "fake", "user": {"token": "kube-token"} }]
            contexts: [{"name": "fake", "context": {"cluster": "fake", "user": "fake"} }]
            current-context: fake
            """);
    }

    /// <summary>A valid configuration of one target at the double (through the hostile server, which only proxies here).</summary>
    public string Config(Action<JsonObject>? change = null, bool longUserName = false)
    {
        var hostile = new HostileCase(caseName, longUserName
            ? [
                new HostileScript("/api/v2/users", Edit(text => text.Replace("\"name\":\"alice\"", "\"name\":\"" + LongName + "\""))),
                new HostileScript("/api/v2/authorizations", Edit(text => text.Replace("\"user\":\"alice\"", "\"user\":\"" + LongName + "\""))),
            ]
            : [], string.Empty);
        fixture.Server.Script(caseName, hostile.Scripts);
        return fixture.Config(caseName + ".json", [fixture.Target(hostile)], "00:00:20", change);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _directory.Dispose();
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
