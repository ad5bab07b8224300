using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>Answers "could this constant be a secret?" — not empty, not a placeholder, not a name of where a secret lives.</summary>
    internal static class SecretValueFacts
    {
        public static bool IsCandidateSecret(string value, AnalyzerSettings settings) =>
            IsCandidatePassword(value, settings) && !PlaceholderDetector.IsProse(value);

        /// <summary>The same without the prose check: a password may be a passphrase of words.</summary>
        public static bool IsCandidatePassword(string value, AnalyzerSettings settings) =>
            !PlaceholderDetector.IsPlaceholder(value, settings.PlaceholderPatterns)
            && !PlaceholderDetector.IsNonSecretIdentifier(value);
    }
}
