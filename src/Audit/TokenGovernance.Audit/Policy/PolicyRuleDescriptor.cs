namespace TokenGovernance.Audit.Policy;

/// <summary>A rule's contract: id, slug and default severity never change; the title is for people.</summary>
public sealed record PolicyRuleDescriptor(string Id, string Slug, Severity DefaultSeverity, string Title)
{
    public const string HelpLinkBase = "https://github.com/tokengovernance/tokengovernance/blob/main/docs/rules/";

    public string HelpLink => HelpLinkBase + Id + ".md";
}
