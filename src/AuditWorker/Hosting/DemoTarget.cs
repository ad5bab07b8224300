using TokenGovernance.InfluxDouble;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>Starts the demo double and points the configuration at it: <c>tokengov --demo</c>.</summary>
public sealed class DemoTarget : IAsyncDisposable
{
    public const string TokenVariable = "TOKENGOV_DEMO_TOKEN";

    private readonly DirectoryInfo _configs;

    private DemoTarget(InfluxApiDouble server, string auditAuthorizationId, DirectoryInfo configs)
    {
        Server = server;
        AuditAuthorizationId = auditAuthorizationId;
        _configs = configs;
    }

    public InfluxApiDouble Server { get; }

    public string AuditAuthorizationId { get; }

    public static async Task<DemoTarget> StartAsync(TimeProvider time)
    {
        var data = DemoDataSet.Create(time.GetUtcNow(), out var token, out var auditAuthorizationId);
        var server = await InfluxApiDouble.StartAsync(data, InfluxDoubleMode.Oss27);

        // The demo token lives only in this process: the variable is set in-process, never on a command line.
        Environment.SetEnvironmentVariable(TokenVariable, token);
        return new DemoTarget(server, auditAuthorizationId, WriteConfigs(data));
    }

    /// <summary>
    /// Two app configs that hold made-up demo tokens, so the demo shows references too: Telegraf's working one, and
    /// the one of an inactive user's home lab. A folder of this process (owner-only), deleted with the demo.
    /// </summary>
    private static DirectoryInfo WriteConfigs(InfluxDataSet data)
    {
        var folder = Directory.CreateTempSubdirectory("tokengov-demo-");
        foreach (var (file, description) in new[] { ("telegraf.env", "telegraf: write telemetry"), ("home-lab.env", "bob: ingest from home lab") })
        {
            var value = data.Authorizations.First(authorization => authorization.Description == description).Token;
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
        options.Targets = [new TargetOptions { Name = "demo", Url = Server.Url.ToString(), TokenEnv = TokenVariable }];
        if (!options.References.IsConfigured)
        {
            options.References.Files.Add(new FileSourceOptions { Path = _configs.FullName, Kind = "plain" });
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
            options.Remediation.Rules["TG2010"] = "deactivate";
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
        try
        {
            _configs.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder of made-up data is not worth failing the exit for.
        }
    }
}
