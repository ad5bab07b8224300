namespace TokenGovernance.InfluxDouble;

/// <summary>
/// A realistic organisation for the demo: generic and personal users, an inactive user, an all-access token,
/// an old token, an inactive token, a token without description, and the operator token the audit uses.
/// </summary>
public static class DemoDataSet
{
    public const string GenericUserPattern = "svc-.*";

    public static InfluxDataSet Create(DateTimeOffset now, out string auditToken, out string auditAuthorizationId)
    {
        var data = new InfluxDataSetBuilder(now);
        var acme = data.Organization("acme");
        var labs = data.Organization("labs");
        var telemetry = data.Bucket(acme, "telemetry");
        var billing = data.Bucket(acme, "billing");
        var experiments = data.Bucket(labs, "experiments");
        var retired = data.Bucket(acme, "retired-metrics");

        var admin = data.User("admin");
        var telegraf = data.User("svc-telegraf");
        var grafana = data.User("svc-grafana");
        var alice = data.User("alice");
        var bob = data.User("bob", status: "inactive");
        var carol = data.User("carol");

        var audit = data.Token(admin, acme, "tokengov audit (operator)", permissions => permissions.Operator());
        data.Token(telegraf, acme, "telegraf: write telemetry", permissions => permissions.Write(telemetry));
        data.Token(grafana, acme, "grafana dashboards", permissions => permissions.Read(telemetry).Read(billing))
            .CreatedAt = now.AddDays(-540);
        data.Token(alice, acme, "alice's All Access API Token", permissions => permissions.AllAccess());
        data.Token(alice, acme, "laptop backfill", permissions => permissions.Write(billing));
        data.Token(alice, labs, string.Empty, permissions => permissions.Read(experiments).Write(experiments));
        data.Token(carol, acme, "carol: secrets rotation script", permissions => permissions.OrgWide("write", "secrets").OrgWide("read", "secrets"));
        data.Token(bob, acme, "bob: ingest from home lab", permissions => permissions.Write(telemetry));
        var oldReader = data.Token(bob, acme, "old dashboard reader", permissions => permissions.Read(retired));
        oldReader.Status = "inactive";
        oldReader.UpdatedAt = now.AddDays(-200);
        data.Token(telegraf, acme, "telegraf: any bucket", permissions => permissions.OrgWide("write", "buckets"));
        retired.Deleted = true;

        auditToken = audit.Token;
        auditAuthorizationId = audit.Id;
        return data.Build();
    }
}
