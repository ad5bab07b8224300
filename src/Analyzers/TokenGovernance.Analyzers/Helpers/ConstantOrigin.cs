using Microsoft.CodeAnalysis;

namespace TokenGovernance.Analyzers
{
    /// <summary>A literal that a value at a sink comes from, and its text.</summary>
    internal readonly struct ConstantOrigin
    {
        public ConstantOrigin(SyntaxNode literal, string text, bool isFirstPart)
        {
            Literal = literal;
            Text = text;
            IsFirstPart = isFirstPart;
        }

        public SyntaxNode Literal { get; }

        public string Text { get; }

        /// <summary>False for literals that follow another part of a concatenation or interpolation.</summary>
        public bool IsFirstPart { get; }
    }
}
