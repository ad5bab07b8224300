using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.Tests.Remediation;

/// <summary>The rules a re-issue decides by: OSS's create rights, and the mark that schedules the old token's retirement.</summary>
public sealed class ReissueRulesTests
{
    private const string Org = "0a0a0a0a0a0a0a0a";
    private const string Actor = "0b0b0b0b0b0b0b0b";
    private const string Service = "0c0c0c0c0c0c0c0c";
    private const string Bucket = "0d0d0d0d0d0d0d0d";

    private static readonly PermissionRecord[] Grant = [new("write", "buckets", Org, null, Bucket, null)];

    private static InfluxPermission Held(string action, string type, string? orgId = null, string? id = null) =>
        new() { Action = action, Resource = new InfluxResource { Type = type, OrgId = orgId, Id = id } };

    [Fact]
    public void An_operator_token_may_create_for_anyone()
    {
        InfluxPermission[] operatorToken = [Held("write", "authorizations"), Held("write", "users"), Held("write", "buckets")];

        Assert.Null(CreateRights.Missing(operatorToken, Actor, Service, Org, Grant));
    }

    [Fact]
    public void An_all_access_token_may_create_for_its_own_user_only()
    {
        InfluxPermission[] allAccess = [Held("write", "authorizations", Org), Held("write", "users", Org, Actor), Held("write", "buckets", Org)];

        Assert.Null(CreateRights.Missing(allAccess, Actor, Actor, Org, Grant));
        Assert.Equal($"write:users/{Service}", CreateRights.Missing(allAccess, Actor, Service, Org, Grant));
    }

    [Fact]
    public void Explicit_rights_on_the_user_and_the_org_suffice_when_the_token_holds_what_it_grants()
    {
        InfluxPermission[] delegated = [Held("write", "authorizations", Org), Held("write", "users", id: Service), Held("write", "buckets", Org, Bucket)];

        Assert.Null(CreateRights.Missing(delegated, Actor, Service, Org, Grant));
        Assert.StartsWith($"write:orgs/{Org}/buckets/0e0e0e0e0e0e0e0e", CreateRights.Missing(delegated, Actor, Service, Org, [new("write", "buckets", Org, null, "0e0e0e0e0e0e0e0e", null)]), StringComparison.Ordinal);
        Assert.Equal($"write:orgs/{Org}/authorizations", CreateRights.Missing([Held("write", "users", id: Service)], Actor, Service, Org, Grant));
        Assert.StartsWith("instance", CreateRights.Missing([Held("write", "authorizations"), Held("write", "users"), Held("write", "instance")], Actor, Service, Org, [new("write", "instance", null, null, null, null)]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_mark_round_trips_and_names_the_successor_and_the_time()
    {
        var at = new DateTimeOffset(2026, 12, 1, 15, 4, 5, TimeSpan.Zero);

        var marked = ReissueFlow.Mark("alice writer", "6f1c0a9e2b7d4c11", at);

        Assert.Equal("alice writer (re-issued as 6f1c0a9e2b7d4c11 at 2026-12-01T15:04:05Z)", marked);
        Assert.True(ReissueFlow.TryReadMark(marked, out var id, out var when));
        Assert.Equal(("6f1c0a9e2b7d4c11", at), (id, when));
        Assert.False(ReissueFlow.TryReadMark("alice writer (re-issued from 0c4e2a1b3d5f0009)", out _, out _));
        Assert.False(ReissueFlow.TryReadMark("(re-issued as x at yesterday)", out _, out _));
        Assert.Equal("(re-issued from 0c4e2a1b3d5f0009)", ReissueFlow.NewDescription("", "0c4e2a1b3d5f0009"));
    }

    [Theory]
    [InlineData("/etc/telegraf/telegraf.conf.tokengov-previous:1", true)]
    [InlineData("monitoring/telegraf#token.tokengov-previous", true)]
    [InlineData("/etc/telegraf/telegraf.conf:3", false)]
    [InlineData("monitoring/telegraf#token", false)]
    public void Previous_copies_are_told_from_references(string location, bool previous) =>
        Assert.Equal(previous, ReissueFlow.IsPreviousCopy(location));
}
