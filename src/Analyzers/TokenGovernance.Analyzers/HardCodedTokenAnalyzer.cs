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
            context.RegisterSyntaxNodeAction(
                AnalyzeLiteral,
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
            context.RegisterSyntaxNodeAction(AnalyzeConcatenation, SyntaxKind.AddExpression);
        }

        private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            // The source span bounds the text (escapes only shorten it): most literals are too short for a token.
            if (context.Node.Span.Length < TokenShapeDetector.MinimumTokenLength
                || !StringLiteralFacts.TryGetText(context.Node, out var text) || text.Length < TokenShapeDetector.MinimumTokenLength)
            {
                return;
            }

            if (!TokenShapeDetector.TryFindFirst(text, out var match) || AssertionFacts.IsExpectedValueInAssertion(context.Node))
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
                context.Node.GetLocation(),
                properties,
                TokenShapeNames.Describe(match.Shape),
                TokenRedaction.Mask(match.ValueIn(text))));
        }

        // A token split over several literals ("SEcG…" + "…g==") is only visible once the parts are joined.
        private static void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
        {
            var binary = (BinaryExpressionSyntax)context.Node;
            if (binary.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression)
                || binary.Parent is ParenthesizedExpressionSyntax
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
