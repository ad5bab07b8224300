using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TokenGovernance.Analyzers.CodeFixes
{
    /// <summary>Replaces a hard-coded token with <c>Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw …</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadTokenFromEnvironmentCodeFixProvider)), Shared]
    public sealed class ReadTokenFromEnvironmentCodeFixProvider : CodeFixProvider
    {
        public const string VariableName = "INFLUX_TOKEN";
        private const string Title = "Read the token from environment variable " + VariableName;

        public override ImmutableArray<string> FixableDiagnosticIds => TokenFixableDiagnostics.Ids;

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !TokenReplacement.CanReplace(literal))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(TokenReplacement.Apply(root, literal, diagnostic, ReadEnvironment()))),
                        equivalenceKey: nameof(ReadTokenFromEnvironmentCodeFixProvider)),
                    diagnostic);
            }
        }

        private static ExpressionSyntax ReadEnvironment() =>
            TokenReplacement.ThrowIfMissing(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.ParseExpression("System.Environment").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(TokenReplacement.StringLiteral(VariableName))))),
                "Set the " + VariableName + " environment variable to the InfluxDB token.");
    }
}
