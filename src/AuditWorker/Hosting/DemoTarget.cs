using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// Starts the demo doubles, an InfluxDB v2 OSS server and an InfluxDB 3 Enterprise one, and points the configuration
/// at them: <c>tokengov --demo</c> shows both kinds side by side.
/// </summary>
public sealed class DemoTarget : IAsyncDisposable
{
    public const string TokenVariable = "TOKENGOV_DEMO_TOKEN";

    public const string V3TokenVariable = "TOKENGOV_DEMO_V3_TOKEN";

    public const string V2TargetName = "demo";

    public const string V3TargetName = "demo-v3";

    private readonly DirectoryInfo _configs;
    private readonly DirectoryInfo _v3Configs;

    private DemoTarget(InfluxApiDouble server, InfluxApiDouble v3Server, string auditAuthorizationId, DirectoryInfo configs, DirectoryInfo v3Configs)
    {
        Server = server;
        V3Server = v3Server;
        AuditAuthorizationId = auditAuthorizationId;
        _configs = configs;
        _v3Configs = v3Configs;
    }

    public InfluxApiDouble Server { get; }

    public InfluxApiDouble V3Server { get; }

    public string AuditAuthorizationId { get; }

    public static async Task<DemoTarget> StartAsync(TimeProvider time)
    {
        var data = DemoDataSet.Create(time.GetUtcNow(), out var token, out var auditAuthorizationId);
        var server = await InfluxApiDouble.StartAsync(data, InfluxDoubleMode.Oss27);
        var v3Data = DemoV3DataSet.Create(time.GetUtcNow(), out var v3Token);
        var v3Server = await InfluxApiDouble.StartAsync(v3Data, InfluxDoubleMode.V3Enterprise);

        // The demo tokens live only in this process: the variables are set in-process, never on a command line.
        Environment.SetEnvironmentVariable(TokenVariable, token);
        Environment.SetEnvironmentVariable(V3TokenVariable, v3Token);
        var configs = WriteConfigs(
            ("telegraf.env", data.Authorizations.First(authorization => authorization.Description == "telegraf: write telemetry").Token),
            ("home-lab.env", data.Authorizations.First(authorization => authorization.Description == "bob: ingest from home lab").Token));
        var v3Configs = WriteConfigs(("billing-backfill.env", v3Data.V3Tokens.First(row => row.Name == DemoV3DataSet.ExpiredTokenName).Token));
        return new DemoTarget(server, v3Server, auditAuthorizationId, configs, v3Configs);
    }

    /// <summary>
    /// App configs that hold made-up demo tokens, so the demo shows references too: v2, Telegraf's working one and the
    /// one of an inactive user's home lab; v3, a backfill job's expired one (matched by hash prefix). A folder of this
    /// process (owner-only), deleted with the demo.
    /// </summary>
    private static DirectoryInfo WriteConfigs(params (string File, string Value)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("tokengov-demo-");
        foreach (var (file, value) in files)
        {
            var path = Path.Combine(folder.FullName, file);
            File.WriteAllText(path, string.Empty);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.WriteAllText(path, $"# demo data: a made-up token of the built-in double\nINFLUX_TOKEN={value}\n");
        }

        return folder;
    }

    /// <summary>Replaces the targets with the demo target and adds the demo's policy conventions.</summary>
    public void Apply(TokenGovernanceOptions options)
    {
        options.Targets =
        [
            new TargetOptions { Name = V2TargetName, Url = Server.Url.ToString(), TokenEnv = TokenVariable },
            new TargetOptions { Name = V3TargetName, Kind = Audit.InfluxV3.InfluxV3Product.Kind, Url = V3Server.Url.ToString(), TokenEnv = V3TokenVariable },
        ];
        if (!options.References.IsConfigured)
        {
            options.References.Files.Add(new FileSourceOptions { Path = _configs.FullName, Kind = "plain", Target = V2TargetName });
            options.References.Files.Add(new FileSourceOptions { Path = _v3Configs.FullName, Kind = "plain", Target = V3TargetName });
        }

        if (options.Policy.GenericUsers.Names.Count + options.Policy.GenericUsers.Ids.Count + options.Policy.GenericUsers.Patterns.Count == 0)
        {
            options.Policy.GenericUsers.Patterns.Add(DemoDataSet.GenericUserPattern);
        }

        if (options.Policy.AdminUsers.Names.Count == 0)
        {
            options.Policy.AdminUsers.Names.Add("admin");
        }

        options.Policy.Exemptions.Add(new ExemptionOptions
        {
            Rule = "TG2005",
            AuthorizationId = AuditAuthorizationId,
            Reason = "the audit itself needs an operator token to see every user's tokens",
            Owner = "platform",
        });
        // The worker shows what remediation would do (metrics, /report), and never acts: plan mode, one rule.
        if (options.Remediation.Rules.Count == 0 && options.Remediation.ParsedMode == RemediationMode.Off)
        {
            options.Remediation.Rules["TG2010"] = KnownActions.Deactivate;
            options.Remediation.Mode = "plan";
        }

        if (options.Schedule == TokenGovernanceOptions.DefaultSchedule)
        {
            options.Schedule = "0 * * * * ?";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await V3Server.DisposeAsync();
        try
        {
            _configs.Delete(recursive: true);
            _v3Configs.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder of made-up data is not worth failing the exit for.
        }
    }
}
