using System;
using System.Collections.Generic;
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
                // A name that says token holds "oken" (or an extra name): the file's text tells where; only the statements
                // or members around those places are looked at, instead of a callback per string literal.
                start.RegisterSemanticModelAction(model => AnalyzeModel(model, usesInflux, symbols, sinkIndex));
            });
        }

        private static void AnalyzeModel(SemanticModelAnalysisContext context, bool usesInflux, InfluxClientSymbols symbols, Lazy<SinkUsageIndex> sinkIndex)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            var text = tree.GetText(context.CancellationToken).ToString();
            SyntaxNode? root = null;
            HashSet<SyntaxNode>? scopes = null;
            HashSet<SyntaxNode>? analyzed = null;
            foreach (var position in NamePositions(text, settings))
            {
                root ??= tree.GetRoot(context.CancellationToken);
                var scope = Scope(root.FindToken(position));
                if (scope is null || !(scopes ??= new HashSet<SyntaxNode>()).Add(scope))
                {
                    continue;
                }

                foreach (var literal in scope.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
                {
                    // Scopes nest (a statement inside another one that also names a token): each literal once.
                    if (literal.IsKind(SyntaxKind.StringLiteralExpression) && TokenTargetNameFinder.Find(literal) is { } target
                        && (analyzed ??= new HashSet<SyntaxNode>()).Add(literal))
                    {
                        Analyze(context, literal, target, settings, usesInflux, symbols, sinkIndex);
                    }
                }
            }
        }

        /// <summary>Where "oken" (any case) or an extra token name occurs in the text.</summary>
        private static IEnumerable<int> NamePositions(string text, AnalyzerSettings settings)
        {
            foreach (var name in settings.TokenNames.Add("oken"))
            {
                for (var index = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); index >= 0;
                     index = index + name.Length < text.Length ? text.IndexOf(name, index + name.Length, StringComparison.OrdinalIgnoreCase) : -1)
                {
                    yield return index;
                }
            }
        }

        /// <summary>The statement or member around a name: where a literal assigned to it sits (a declarator, an assignment, an argument).</summary>
        private static SyntaxNode? Scope(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is StatementSyntax or MemberDeclarationSyntax or AttributeSyntax)
                {
                    // A method or type is as wide as the file: the statement or accessor around the name is enough.
                    return node is BaseMethodDeclarationSyntax or TypeDeclarationSyntax or NamespaceDeclarationSyntax or BaseNamespaceDeclarationSyntax
                        ? token.Parent : node;
                }
            }

            return token.Parent;
        }

        private static void Analyze(
            SemanticModelAnalysisContext context, LiteralExpressionSyntax literal, TokenTarget target, AnalyzerSettings settings,
            bool usesInflux, InfluxClientSymbols symbols, Lazy<SinkUsageIndex> sinkIndex)
        {
            var name = target.Name;
            var isTokenName = target.IsKey
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
                || LeftToSinkRule(literal, target, context, symbols, sinkIndex)
                || ThirdPartySecretFacts.IsNotificationEndpointCredential(literal, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), TokenRedaction.Mask(value), name));
        }

        // One diagnostic per literal: when the literal reaches a client or header, TG1002 reports it.
        private static bool LeftToSinkRule(
            LiteralExpressionSyntax literal, TokenTarget target, SemanticModelAnalysisContext context, InfluxClientSymbols symbols, Lazy<SinkUsageIndex> sinkIndex)
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
