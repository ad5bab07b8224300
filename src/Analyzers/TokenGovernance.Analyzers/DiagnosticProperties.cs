namespace TokenGovernance.Analyzers
{
    /// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes read.</summary>
    internal static class DiagnosticProperties
    {
        /// <summary>Offset of the token inside the literal's value; absent when the whole value is the token.</summary>
        public const string TokenStart = "TokenStart";

        /// <summary>Length of the token inside the literal's value.</summary>
        public const string TokenLength = "TokenLength";
    }
}
