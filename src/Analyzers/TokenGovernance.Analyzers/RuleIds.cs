namespace TokenGovernance.Analyzers
{
    /// <summary>Every rule id in one place; docs, help links and release tracking derive from these.</summary>
    public static class RuleIds
    {
        public const string HardCodedToken = "TG1001";
        public const string ConstantUsedAsToken = "TG1002";
        public const string TokenInConfigurationFile = "TG1003";
        public const string LiteralAssignedToTokenName = "TG1004";
        public const string HardCodedPassword = "TG1005";

        internal const string SecurityCategory = "Security";

        /// <summary>Base of every <c>helpLinkUri</c>; the rule's page is <c>docs/rules/{id}.md</c> in the repository.</summary>
        public const string HelpLinkBase = "https://github.com/tokengovernance/tokengovernance/blob/main/docs/rules/";

        public static string HelpLink(string ruleId) => HelpLinkBase + ruleId + ".md";
    }
}
