using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>
/// One org with a token per case the filters tell apart, named by description: owners generic, personal, inactive
/// and deleted; read and write; one bucket, every bucket, a token that is itself inactive, and one over a year old.
/// </summary>
internal static class ListingData
{
    public static TestData Create() => new((builder, test) =>
    {
        var billing = builder.Bucket(test.Acme, "billing");
        var sensors = builder.Bucket(test.Acme, "sensors");
        var bob = builder.User("bob", status: "inactive");
        var dave = builder.User("dave");
        builder.Token(test.Alice, test.Acme, "alice telemetry writer", permissions => permissions.Write(test.Telemetry));
        builder.Token(test.Alice, test.Acme, "alice billing reader", permissions => permissions.Read(billing));
        var retired = builder.Token(test.Alice, test.Acme, "alice retired writer", permissions => permissions.Write(billing));
        retired.Status = "inactive";
        retired.CreatedAt = TestData.Now.AddDays(-400);
        retired.UpdatedAt = TestData.Now.AddDays(-200);
        builder.Token(test.Alice, test.Acme, "alice sensors reader", permissions => permissions.Read(sensors));
        builder.Token(test.ServiceUser, test.Acme, "svc telemetry writer", permissions => permissions.Write(test.Telemetry));
        builder.Token(test.ServiceUser, test.Acme, "svc any bucket", permissions => permissions.OrgWide("write", "buckets"));
        builder.Token(bob, test.Acme, "bob writer", permissions => permissions.Write(test.Telemetry));
        builder.Token(dave, test.Acme, "dave writer", permissions => permissions.Write(test.Telemetry));
        dave.Deleted = true;
    });
}
