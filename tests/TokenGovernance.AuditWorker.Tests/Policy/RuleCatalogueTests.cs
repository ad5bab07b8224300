using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Policy;

/// <summary>Every audit rule has its contract id, slug and severity, a doc page, and a help link to that page.</summary>
public class RuleCatalogueTests
{
    private static IReadOnlyCollection<PolicyRuleDescriptor> Catalogue()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTokenGovernanceCore(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<PolicyRuleCatalog>().All;
    }

    [Fact]
    public void Contract_ids_slugs_and_default_severities()
    {
        var expected = new Dictionary<string, (string Slug, Severity Severity)>
        {
            ["TG2001"] = ("write-token-personal-owner", Severity.High),
            ["TG2003"] = ("token-owner-deleted", Severity.High),
            ["TG2004"] = ("all-access-token", Severity.High),
            ["TG2005"] = ("operator-token", Severity.Critical),
            ["TG2006"] = ("unscoped-bucket-write", Severity.Medium),
            ["TG2007"] = ("privileged-permission", Severity.High),
            ["TG2008"] = ("token-too-old", Severity.Medium),
            ["TG2009"] = ("missing-description", Severity.Low),
            ["TG2010"] = ("token-owner-inactive", Severity.Medium),
            ["TG2014"] = ("dangling-permission", Severity.Low),
            ["TG2015"] = ("stale-inactive-token", Severity.Low),
            ["TG2016"] = ("audit-coverage-limited", Severity.Medium),
            ["TG2018"] = ("exemption-expired", Severity.Low),
        };
        var catalogue = Catalogue().ToDictionary(rule => rule.Id);
        foreach (var (id, (slug, severity)) in expected)
        {
            Assert.True(catalogue.ContainsKey(id), id + " is missing");
            Assert.Equal(slug, catalogue[id].Slug);
            Assert.Equal(severity, catalogue[id].DefaultSeverity);
        }
    }

    [Fact]
    public void Every_rule_has_a_doc_page_its_help_link_points_to()
    {
        foreach (var rule in Catalogue())
        {
            Assert.EndsWith("/docs/rules/" + rule.Id + ".md", rule.HelpLink, StringComparison.Ordinal);
            var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + rule.Id + ": ", text, StringComparison.Ordinal);
            Assert.Contains("`" + rule.Slug + "`", text, StringComparison.Ordinal);
        }
    }
}
