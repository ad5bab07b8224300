using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Policy.Rules;

namespace TokenGovernance.Audit.Tests.Policy;

/// <summary>The rules on inventories built in memory: what any product reader hands the engine, without HTTP.</summary>
public sealed class InMemoryInventoryRuleTests
{
    private readonly InventoryBuilder _inventory = new();

    private static PolicyEngine Engine() => new ServiceCollection()
        .AddSingleton(Options.Create(new TokenGovernanceOptions { Policy = new PolicyOptions { GenericUsers = new UserMatchOptions { Patterns = ["svc-.*"] } } }))
        .AddPolicyEngine(PolicyRules.All)
        .BuildServiceProvider()
        .GetRequiredService<PolicyEngine>();

    [Fact]
    public void Personal_write_token_is_flagged_and_a_service_users_is_not()
    {
        var alice = _inventory.User("alice");
        var telegraf = _inventory.User("svc-telegraf");
        var personal = _inventory.Token(alice.Id, "alice's writer", permissions: _inventory.WriteBucket("b1"));
        _inventory.Token(telegraf.Id, "telegraf", permissions: _inventory.WriteBucket("b1"));

        var findings = Engine().Evaluate(_inventory.Build());

        var finding = Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.WriteTokenPersonalOwner);
        Assert.Equal(personal.Id, finding.AuthorizationId);
        Assert.Equal("alice", finding.User);
        Assert.Equal("acme", finding.Org);
    }

    [Fact]
    public void Token_of_a_deleted_owner_is_flagged_as_such_and_not_as_personal()
    {
        var orphan = _inventory.Token(_inventory.DeletedUser(), "leaver's writer", permissions: _inventory.WriteBucket("b1"));

        var findings = Engine().Evaluate(_inventory.Build());

        Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.TokenOwnerDeleted && finding.AuthorizationId == orphan.Id);
        Assert.DoesNotContain(findings, finding => finding.Rule.Id == PolicyRuleIds.WriteTokenPersonalOwner);
    }

    [Fact]
    public void Kinds_decide_the_broad_scope_rules()
    {
        var admin = _inventory.User("admin");
        _inventory.Token(admin.Id, "operator", TokenKind.Operator, permissions: new Permission { Action = "write", ResourceType = "users" });
        _inventory.Token(admin.Id, "all access", TokenKind.AllAccess, permissions: new Permission { Action = "write", ResourceType = "buckets", ScopeId = _inventory.Scope.Id });

        var findings = Engine().Evaluate(_inventory.Build());

        Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.OperatorToken);
        Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.AllAccessToken);
        Assert.DoesNotContain(findings, finding => finding.Rule.Id is PolicyRuleIds.UnscopedBucketWrite or PolicyRuleIds.PrivilegedPermission);
    }

    [Fact]
    public void Rules_that_need_owners_do_not_run_on_a_product_without_them()
    {
        _inventory.Capabilities = _inventory.Capabilities with { HasOwners = false };
        _inventory.Token(ownerId: null, description: "", permissions: _inventory.WriteBucket("b1"));

        var findings = Engine().Evaluate(_inventory.Build());

        Assert.DoesNotContain(findings, finding => finding.Rule.Id is PolicyRuleIds.WriteTokenPersonalOwner or PolicyRuleIds.TokenOwnerDeleted
            or PolicyRuleIds.TokenOwnerInactive or PolicyRuleIds.PrivilegedPermission);
        Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.MissingDescription);
    }

    [Fact]
    public void Active_token_of_an_inactive_owner_is_flagged()
    {
        var bob = _inventory.User("bob", PrincipalStatus.Inactive);
        _inventory.Token(bob.Id, "bob's reader");

        var findings = Engine().Evaluate(_inventory.Build());

        Assert.Single(findings, finding => finding.Rule.Id == PolicyRuleIds.TokenOwnerInactive && finding.Message.Contains("'bob'", StringComparison.Ordinal));
    }
}
