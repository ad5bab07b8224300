using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// The names of variables, fields and properties passed to a possible token sink anywhere in a compilation,
    /// built once on first use by a syntax-only walk. TG1004 leaves those literals to TG1002, the more specific rule.
    /// </summary>
    internal sealed class SinkUsageIndex
    {
        private readonly HashSet<string> _names = new HashSet<string>(System.StringComparer.Ordinal);

        private SinkUsageIndex()
        {
        }

        public static SinkUsageIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var index = new SinkUsageIndex();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (!SinkSyntaxFilter.IsCandidate(node))
                    {
                        continue;
                    }

                    foreach (var value in SinkSyntaxFilter.PassedValues(node))
                    {
                        foreach (var name in value.DescendantNodesAndSelf())
                        {
                            if (name is IdentifierNameSyntax identifier)
                            {
                                index._names.Add(identifier.Identifier.ValueText);
                            }
                        }
                    }
                }
            }

            return index;
        }

        public bool IsPassedToSink(string name) => _names.Contains(name);
    }
}
