using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>Answers "could this constant be a secret?" — not empty, not a placeholder, not a name of where a secret lives.</summary>
    internal static class SecretValueFacts
    {
        public static bool IsCandidateSecret(string value, AnalyzerSettings settings) =>
            !PlaceholderDetector.IsPlaceholder(value, settings.PlaceholderPatterns)
            && !PlaceholderDetector.IsNonSecretIdentifier(value);
    }
}
