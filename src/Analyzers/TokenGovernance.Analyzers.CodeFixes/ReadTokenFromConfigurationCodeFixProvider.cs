using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers.CodeFixes
{
    /// <summary>
    /// Where an <c>IConfiguration</c> is in scope (parameter, field or property), replaces a hard-coded token with
    /// <c>configuration["InfluxDB:Token"] ?? throw …</c> (a hard-coded password, TG1005, with <c>configuration["InfluxDB:Password"]</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadTokenFromConfigurationCodeFixProvider)), Shared]
    public sealed class ReadTokenFromConfigurationCodeFixProvider : CodeFixProvider
    {
        public const string ConfigurationKey = "InfluxDB:Token";
        public const string PasswordConfigurationKey = "InfluxDB:Password";
        private const string Title = "Read the token from configuration";
        private const string PasswordTitle = "Read the password from configuration";

        public override ImmutableArray<string> FixableDiagnosticIds => TokenFixableDiagnostics.Ids.Add(RuleIds.HardCodedPassword);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !TokenReplacement.CanReplace(literal)
                    || FindConfigurationInScope(literal, model, context.CancellationToken) is not { } configuration)
                {
                    continue;
                }

                var password = diagnostic.Id == RuleIds.HardCodedPassword;
                var replacement = password
                    ? ReadConfiguration(configuration, PasswordConfigurationKey, "Configure " + PasswordConfigurationKey + " with the InfluxDB password.")
                    : ReadConfiguration(configuration, ConfigurationKey, "Configure " + ConfigurationKey + " with the InfluxDB token.");
                context.RegisterCodeFix(
                    CodeAction.Create(
                        password ? PasswordTitle : Title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(TokenReplacement.Apply(root, literal, diagnostic, replacement))),
                        equivalenceKey: nameof(ReadTokenFromConfigurationCodeFixProvider) + (password ? ".Password" : string.Empty)),
                    diagnostic);
            }
        }

        private static ExpressionSyntax ReadConfiguration(string configuration, string key, string message) =>
            TokenReplacement.ThrowIfMissing(
                SyntaxFactory.ElementAccessExpression(
                    SyntaxFactory.IdentifierName(configuration),
                    SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(TokenReplacement.StringLiteral(key))))),
                message);

        /// <summary>The name of an <c>IConfiguration</c> usable at the literal: a parameter of an enclosing member, else a field or property.</summary>
        private static string? FindConfigurationInScope(SyntaxNode literal, SemanticModel model, CancellationToken cancellationToken)
        {
            var configurationType = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            if (configurationType is null)
            {
                return null;
            }

            bool IsConfiguration(ITypeSymbol? type) =>
                type is not null && (SymbolEqualityComparer.Default.Equals(type, configurationType)
                                     || type.AllInterfaces.Contains(configurationType, SymbolEqualityComparer.Default));

            var enclosing = model.GetEnclosingSymbol(literal.SpanStart, cancellationToken);
            for (var symbol = enclosing; symbol is IMethodSymbol method; symbol = method.ContainingSymbol)
            {
                var parameter = method.Parameters.FirstOrDefault(candidate => IsConfiguration(candidate.Type));
                if (parameter is not null)
                {
                    return parameter.Name;
                }
            }

            // Instance members cannot be read from field initializers or static members.
            var inFieldInitializer = literal.Ancestors().Any(node => node is FieldDeclarationSyntax);
            var isStaticContext = enclosing is null || enclosing.IsStatic || inFieldInitializer;
            var containingType = enclosing?.ContainingType ?? (enclosing as INamedTypeSymbol);
            var member = containingType?.GetMembers()
                .Where(candidate => !isStaticContext || candidate.IsStatic)
                .FirstOrDefault(candidate => candidate switch
                {
                    IFieldSymbol field => !field.IsImplicitlyDeclared && IsConfiguration(field.Type),
                    IPropertySymbol property => IsConfiguration(property.Type),
                    _ => false,
                });
            return member?.Name;
        }
    }
}
