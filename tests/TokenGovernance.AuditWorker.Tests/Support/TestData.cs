using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>A small organisation with one token per interesting case, and the audit's own operator token.</summary>
internal sealed class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public TestData(Action<InfluxDataSetBuilder, TestData>? extra = null)
    {
        Builder = new InfluxDataSetBuilder(Now);
        Acme = Builder.Organization("acme");
        Telemetry = Builder.Bucket(Acme, "telemetry");
        Admin = Builder.User("admin");
        ServiceUser = Builder.User("svc-telegraf");
        Alice = Builder.User("alice");
        AuditToken = Builder.Token(Admin, Acme, "audit", permissions => permissions.Operator());
        extra?.Invoke(Builder, this);
        Data = Builder.Build();
    }

    public InfluxDataSetBuilder Builder { get; }

    public InfluxDataSet Data { get; }

    public DoubleOrganization Acme { get; }

    public DoubleBucket Telemetry { get; }

    public DoubleUser Admin { get; }

    public DoubleUser ServiceUser { get; }

    public DoubleUser Alice { get; }

    public DoubleAuthorization AuditToken { get; }

    /// <summary>Every raw token value in the data set: none of them may ever appear in any output.</summary>
    public IEnumerable<string> AllTokenValues => Data.Authorizations.Select(authorization => authorization.Token);
}
