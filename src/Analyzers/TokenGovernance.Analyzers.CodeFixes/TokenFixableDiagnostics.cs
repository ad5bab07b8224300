using System.Collections.Immutable;

namespace TokenGovernance.Analyzers.CodeFixes
{
    internal static class TokenFixableDiagnostics
    {
        public static readonly ImmutableArray<string> Ids = ImmutableArray.Create(
            RuleIds.HardCodedToken, RuleIds.ConstantUsedAsToken, RuleIds.LiteralAssignedToTokenName);
    }
}
