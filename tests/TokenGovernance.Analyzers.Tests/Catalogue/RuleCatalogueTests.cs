using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TokenGovernance.Analyzers.Tests.Catalogue;

/// <summary>Keeps the catalogue honest: every descriptor has its doc page, help link and release-tracking entry.</summary>
public class RuleCatalogueTests
{
    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics);

    [Fact]
    public void Rule_ids_are_unique_and_the_contract_ids()
    {
        var ids = AllDescriptors().Select(descriptor => descriptor.Id).OrderBy(id => id).ToList();
        Assert.Equal(["TG1001", "TG1002", "TG1003", "TG1004", "TG1005"], ids);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Descriptor_has_a_doc_page_that_its_help_link_points_to(string id)
    {
        var descriptor = AllDescriptors().Single(candidate => candidate.Id == id);
        Assert.Equal(RuleIds.HelpLink(id), descriptor.HelpLinkUri);
        Assert.StartsWith(RuleIds.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);

        var relative = "docs/rules/" + descriptor.HelpLinkUri[RuleIds.HelpLinkBase.Length..];
        var page = Path.Combine(RepositoryRoot.Path, relative);
        Assert.True(File.Exists(page), $"{relative} is missing");
        var text = File.ReadAllText(page);
        Assert.Contains("# " + id, text, StringComparison.Ordinal);
        Assert.Contains(descriptor.Title.ToString(), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Descriptor_is_in_release_tracking_with_its_category_and_severity(string id)
    {
        var descriptor = AllDescriptors().Single(candidate => candidate.Id == id);
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Analyzers", "TokenGovernance.Analyzers");
        var tracked = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
            .Where(line => line.StartsWith(id + " ", StringComparison.Ordinal))
            .ToList();
        var line = Assert.Single(tracked);
        Assert.Contains($"| {descriptor.Category} | {descriptor.DefaultSeverity} |", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Descriptor_is_a_security_warning_enabled_by_default(string id)
    {
        var descriptor = AllDescriptors().Single(candidate => candidate.Id == id);
        Assert.Equal("Security", descriptor.Category);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }
}
