using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>TG1004: a non-placeholder literal assigned to a name that denotes an InfluxDB token.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenNamedLiteralAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.LiteralAssignedToTokenName,
            title: "Literal assigned to an InfluxDB token name",
            messageFormat: "The literal '{0}' is assigned to '{1}', which names an InfluxDB token; read the token from a secret store at run time",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A value stored under a token name is a token in waiting, even before it reaches a client.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.LiteralAssignedToTokenName));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var usesInflux = start.Compilation.ReferencedAssemblyNames
                    .Any(assembly => assembly.Name.StartsWith("InfluxDB", StringComparison.OrdinalIgnoreCase));
                var symbols = InfluxClientSymbols.Create(start.Compilation);
                var compilation = start.Compilation;
                var sinkIndex = new Lazy<SinkUsageIndex>(
                    () => SinkUsageIndex.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterSyntaxNodeAction(
                    node => Analyze(node, usesInflux, symbols, sinkIndex),
                    SyntaxKind.StringLiteralExpression);
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, bool usesInflux, InfluxClientSymbols symbols, Lazy<SinkUsageIndex> sinkIndex)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var target = TokenTargetNameFinder.Find(literal);
            if (target is null)
            {
                return;
            }

            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(literal.SyntaxTree));
            var name = target.Value.Name;
            var isTokenName = target.Value.IsKey
                ? TokenNames.IsTokenKey(name, settings.TokenNames)
                : TokenNames.IsTokenName(name, settings.TokenNames);
            if (!isTokenName || !(usesInflux || TokenNames.MentionsInflux(name) || settings.TokenNames.Contains(name)))
            {
                return;
            }

            var value = literal.Token.ValueText;
            if (TokenShapeDetector.ContainsToken(value)
                || !SecretValueFacts.IsCandidateSecret(value, settings)
                || AssertionFacts.IsExpectedValueInAssertion(literal)
                || LeftToSinkRule(literal, target.Value, context, symbols, sinkIndex)
                || ThirdPartySecretFacts.IsNotificationEndpointCredential(literal, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), TokenRedaction.Mask(value), name));
        }

        // One diagnostic per literal: when the literal reaches a client or header, TG1002 reports it.
        private static bool LeftToSinkRule(
            LiteralExpressionSyntax literal, TokenTarget target, SyntaxNodeAnalysisContext context, InfluxClientSymbols symbols, Lazy<SinkUsageIndex> sinkIndex)
        {
            if (target.IsSymbol)
            {
                return sinkIndex.Value.IsPassedToSink(target.Name);
            }

            var owner = literal.Parent?.Parent?.Parent;
            if (literal.Parent is ArgumentSyntax && owner is not null && SinkSyntaxFilter.IsCandidate(owner))
            {
                return TokenSinkFinder.Find(owner, context.SemanticModel, symbols, context.CancellationToken)
                    .Any(sink => sink.Value == literal && sink.Kind != TokenSinkKind.Password);
            }

            if (literal.Parent is AssignmentExpressionSyntax assignment && SinkSyntaxFilter.IsCandidate(assignment))
            {
                return TokenSinkFinder.Find(assignment, context.SemanticModel, symbols, context.CancellationToken).Any(sink => sink.Kind != TokenSinkKind.Password);
            }

            return false;
        }
    }
}
