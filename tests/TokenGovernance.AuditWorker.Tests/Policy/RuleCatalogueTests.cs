using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Hosting;

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
    public void The_container_runs_exactly_the_one_list_of_rules()
    {
        Assert.Equal(ProductPlugins.Rules.Select(rule => rule.Descriptor.Id), Catalogue().Select(rule => rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ProductPlugins.Rules.Count, ProductPlugins.Rules.Select(rule => rule.Descriptor.Id).Distinct().Count());
    }

    [Fact]
    public void Every_rule_class_of_the_engine_and_the_plugins_is_on_the_list()
    {
        var assemblies = ProductPlugins.All.Select(plugin => plugin.GetType().Assembly).Append(typeof(IPolicyRule).Assembly).Distinct();
        var classes = assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IPolicyRule).IsAssignableFrom(type));
        var listed = ProductPlugins.Rules.Select(rule => rule.GetType()).ToHashSet();
        Assert.Empty(classes.Where(type => !listed.Contains(type)).Select(type => type.FullName + " is not in PolicyRules.All nor in its plug-in's Rules"));
    }

    /// <summary>docs/rules/README.md's index of audit rules is generated from the list; <c>TOKENGOV_WRITE_GOLDEN=1</c> rewrites it.</summary>
    [Fact]
    public void The_rules_index_in_the_docs_is_the_list()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "rules", "README.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(IndexStart, StringComparison.Ordinal);
        var end = text.IndexOf(IndexEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no generated index between '{IndexStart}' and '{IndexEnd}'");

        var generated = IndexStart + "\n" + Index() + IndexEnd;
        var current = text[start..(end + IndexEnd.Length)];
        if (Environment.GetEnvironmentVariable("TOKENGOV_WRITE_GOLDEN") == "1" && current != generated)
        {
            File.WriteAllText(path, text.Replace(current, generated, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(generated, current);
    }

    private const string IndexStart = "<!-- audit rules: generated from PolicyRules and the plug-ins' rules by RuleCatalogueTests -->";
    private const string IndexEnd = "<!-- end of audit rules -->";

    private static string Index()
    {
        var index = new System.Text.StringBuilder("| id | slug | default severity | title |\n|---|---|---|---|\n");
        foreach (var rule in ProductPlugins.Rules.Select(rule => rule.Descriptor))
        {
            index.Append($"| [{rule.Id}]({rule.Id}.md) | `{rule.Slug}` | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | {rule.Title} |\n");
        }

        return index.ToString();
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
