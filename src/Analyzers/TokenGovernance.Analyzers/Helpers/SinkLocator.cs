using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// The possible token and password sinks of a file, found from its text: every sink <see cref="SinkSyntaxFilter"/>
    /// accepts names a client type, a factory or builder method, an <c>Authorization</c> header, a <c>Token</c> or
    /// <c>Password</c> property, or is an implicit <c>new(…)</c>. Only the nodes around those words are looked up in the
    /// tree and bound: one action per file instead of a callback per invocation of the whole solution.
    /// </summary>
    internal static class SinkLocator
    {
        private static readonly string[] Words =
        {
            // "InfluxDBClient" also finds InfluxDBClientFactory.Create, InfluxDBClientOptions and its Builder; "Auth" finds
            // AuthenticationHeaderValue, Authenticate, AuthenticateToken and the "Authorization" header.
            "InfluxDBClient", "InfluxDbClient", "InfluxClient", "ClientConfig", "Auth", "Create(", "ConnectionString",
            "Token", "Password", "new(", "new (",
        };

        private const int MaximumClimb = 6;

        // TG1002 and TG1005 look at the same sinks of the same tree: the first to ask finds them, the other reuses them
        // (per compilation, so that an IDE's next compilation of the same tree finds them again).
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Lazy<List<TokenSink>>>> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Lazy<List<TokenSink>>>>();

        /// <summary>Every sink of the model's tree (token, connection string, header, password), found once per compilation and tree.</summary>
        public static List<TokenSink> Sinks(SemanticModel model, InfluxClientSymbols symbols, CancellationToken cancellationToken)
        {
            var perTree = Cache.GetValue(model.Compilation, _ => new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Lazy<List<TokenSink>>>());
            var sinks = perTree.GetOrAdd(model.SyntaxTree, _ => new Lazy<List<TokenSink>>(
                () =>
                {
                    var found = new List<TokenSink>();
                    foreach (var operation in Operations(model, cancellationToken))
                    {
                        found.AddRange(TokenSinkFinder.Find(operation, symbols));
                    }

                    return found;
                },
                LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return sinks.Value;
            }
            catch (OperationCanceledException)
            {
                // A cancelled search must not stay cached as the answer.
                perTree.TryRemove(model.SyntaxTree, out _);
                throw;
            }
        }

        private static IEnumerable<IOperation> Operations(SemanticModel model, CancellationToken cancellationToken)
        {
            var tree = model.SyntaxTree;
            var text = tree.GetText(cancellationToken).ToString();
            SyntaxNode? root = null;
            HashSet<SyntaxNode>? seen = null;
            foreach (var word in Words)
            {
                for (var index = text.IndexOf(word, StringComparison.Ordinal); index >= 0;
                     index = index + word.Length < text.Length ? text.IndexOf(word, index + word.Length, StringComparison.Ordinal) : -1)
                {
                    root ??= tree.GetRoot(cancellationToken);
                    var candidate = Candidate(root.FindToken(index));
                    if (candidate is null || !(seen ??= new HashSet<SyntaxNode>()).Add(candidate) || !PassesAConstant(candidate))
                    {
                        continue;
                    }

                    if (model.GetOperation(candidate, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        /// <summary>
        /// Whether anything the node passes on could be followed back to a literal (what <see cref="ConstantOriginResolver"/>
        /// follows): otherwise there is nothing to report and the node is not bound. A URL literal without <c>token=</c> is
        /// neither a token nor a connection string with one.
        /// </summary>
        private static bool PassesAConstant(SyntaxNode node)
        {
            foreach (var value in SinkSyntaxFilter.PassedValues(node))
            {
                if (MayHoldConstant(value, depth: 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayHoldConstant(ExpressionSyntax expression, int depth) => depth <= MaximumClimb && expression switch
        {
            LiteralExpressionSyntax literal => !IsPlainUrl(literal.Token.ValueText),
            IdentifierNameSyntax or MemberAccessExpressionSyntax => true,
            ParenthesizedExpressionSyntax parenthesized => MayHoldConstant(parenthesized.Expression, depth + 1),
            BinaryExpressionSyntax binary => MayHoldConstant(binary.Left, depth + 1) || MayHoldConstant(binary.Right, depth + 1),
            ConditionalExpressionSyntax conditional => MayHoldConstant(conditional.WhenTrue, depth + 1) || MayHoldConstant(conditional.WhenFalse, depth + 1),
            InterpolatedStringExpressionSyntax => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToCharArray" } access } => MayHoldConstant(access.Expression, depth + 1),
            _ => false,
        };

        private static bool IsPlainUrl(string text) =>
            (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && text.IndexOf("token", StringComparison.OrdinalIgnoreCase) < 0;

        /// <summary>The creation, invocation or assignment around a word that the syntax filter accepts, or null.</summary>
        private static SyntaxNode? Candidate(SyntaxToken token)
        {
            var node = token.Parent;
            for (var level = 0; node is not null && level < MaximumClimb; level++, node = node.Parent)
            {
                if (node is StatementSyntax or MemberDeclarationSyntax)
                {
                    return null;
                }

                if (SinkSyntaxFilter.IsCandidate(node))
                {
                    return node;
                }
            }

            return null;
        }
    }
}
