using TokenGovernance.InfluxDouble;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>Starts the demo double and points the configuration at it: <c>tokengov --demo</c>.</summary>
public sealed class DemoTarget : IAsyncDisposable
{
    public const string TokenVariable = "TOKENGOV_DEMO_TOKEN";

    private DemoTarget(InfluxApiDouble server, string auditAuthorizationId)
    {
        Server = server;
        AuditAuthorizationId = auditAuthorizationId;
    }

    public InfluxApiDouble Server { get; }

    public string AuditAuthorizationId { get; }

    public static async Task<DemoTarget> StartAsync(TimeProvider time)
    {
        var data = DemoDataSet.Create(time.GetUtcNow(), out var token, out var auditAuthorizationId);
        var server = await InfluxApiDouble.StartAsync(data, InfluxDoubleMode.Oss27);

        // The demo token lives only in this process: the variable is set in-process, never on a command line.
        Environment.SetEnvironmentVariable(TokenVariable, token);
        return new DemoTarget(server, auditAuthorizationId);
    }

    /// <summary>Replaces the targets with the demo target and adds the demo's policy conventions.</summary>
    public void Apply(TokenGovernanceOptions options)
    {
        options.Targets = [new TargetOptions { Name = "demo", Url = Server.Url.ToString(), TokenEnv = TokenVariable }];
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
        if (options.Schedule == TokenGovernanceOptions.DefaultSchedule)
        {
            options.Schedule = "0 * * * * ?";
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
