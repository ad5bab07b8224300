using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>TG1001: a string constant of any kind that contains an InfluxDB token shape.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedTokenAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.HardCodedToken,
            title: "Hard-coded InfluxDB token",
            messageFormat: "This string contains an {0} token ('{1}'); keep token values in a vault and read them at run time",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "InfluxDB shows a token's value only once, at creation; a value in source code is readable by everyone with access to the repository and its history.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.HardCodedToken));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            // One pass over each file's text instead of a callback per string literal and per '+': a token needs a run of
            // 64 base64 characters (or the "apiv" of an InfluxDB 3 / Dedicated token), and a token split over literals a
            // '+' between two of them; only the few places that have one are looked up in the tree (FindToken realises
            // one path, not the tree).
            context.RegisterSyntaxTreeAction(AnalyzeTree);
        }

        private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
        {
            var text = context.Tree.GetText(context.CancellationToken);
            SyntaxNode? root = null;
            HashSet<SyntaxNode>? seen = null;
            foreach (var (position, kind) in TokenCandidates.In(text))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                root ??= context.Tree.GetRoot(context.CancellationToken);
                var token = root.FindToken(position);
                if (kind == TokenCandidateKind.Run)
                {
                    if (StringLiteralFacts.IsStringToken(token) && token.Parent is { } literal && (seen ??= new HashSet<SyntaxNode>()).Add(literal))
                    {
                        AnalyzeLiteral(context, literal);
                    }
                }
                else if (token.IsKind(SyntaxKind.PlusToken) && token.Parent is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression)
                         && Outermost(add) is var top && (seen ??= new HashSet<SyntaxNode>()).Add(top))
                {
                    AnalyzeConcatenation(context, top);
                }
            }
        }

        /// <summary>The outermost '+' of a concatenation, through parentheses.</summary>
        private static BinaryExpressionSyntax Outermost(BinaryExpressionSyntax add)
        {
            var top = add;
            for (var current = add.Parent; current is not null; current = current.Parent)
            {
                if (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    top = binary;
                }
                else if (current is not ParenthesizedExpressionSyntax)
                {
                    break;
                }
            }

            return top;
        }

        private static void AnalyzeLiteral(SyntaxTreeAnalysisContext context, SyntaxNode node)
        {
            if (!StringLiteralFacts.TryGetText(node, out var text) || text.Length < TokenShapeDetector.MinimumTokenLength)
            {
                return;
            }

            if (!TokenShapeDetector.TryFindFirst(text, out var match) || AssertionFacts.IsExpectedValueInAssertion(node))
            {
                return;
            }

            var properties = match.Start == 0 && match.Length == text.Length
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.TokenStart, match.Start.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add(DiagnosticProperties.TokenLength, match.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                node.GetLocation(),
                properties,
                TokenShapeNames.Describe(match.Shape),
                TokenRedaction.Mask(match.ValueIn(text))));
        }

        // A token split over several literals ("SEcG…" + "…g==") is only visible once the parts are joined.
        private static void AnalyzeConcatenation(SyntaxTreeAnalysisContext context, BinaryExpressionSyntax binary)
        {
            if (binary.Parent is ParenthesizedExpressionSyntax
                || !StringLiteralFacts.IsLiteralConcatenation(binary, out var length)
                || length < TokenShapeDetector.MinimumTokenLength
                || !StringLiteralFacts.TryFoldConcatenation(binary, out var text)
                || !TokenShapeDetector.ContainsToken(text))
            {
                return;
            }

            var partContainsToken = binary.DescendantNodes()
                .OfType<LiteralExpressionSyntax>()
                .Any(literal => TokenShapeDetector.ContainsToken(literal.Token.ValueText));
            if (partContainsToken || AssertionFacts.IsExpectedValueInAssertion(binary))
            {
                return;
            }

            var match = TokenShapeDetector.FindAll(text).First();
            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                binary.GetLocation(),
                TokenShapeNames.Describe(match.Shape),
                TokenRedaction.Mask(match.ValueIn(text))));
        }
    }
}
