using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>Answers "could this constant be a secret?" — not empty, not a placeholder, not a name of where a secret lives.</summary>
    internal static class SecretValueFacts
    {
        public static bool IsCandidateSecret(string value, AnalyzerSettings settings) =>
            !PlaceholderDetector.IsPlaceholder(value, settings.PlaceholderPatterns)
            && !PlaceholderDetector.IsNonSecretIdentifier(value)
            && !PlaceholderDetector.IsProse(value);

        /// <summary>
        /// Separators between the variables of an interpolation or a concatenation (<c>$"{user}:{password}"</c>): no letter
        /// and no digit, so no secret.
        /// </summary>
        public static bool IsGlue(string value)
        {
            foreach (var character in value)
            {
                if (char.IsLetterOrDigit(character))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>For TG1005: not a password placeholder nor a name (<see cref="PlaceholderDetector.IsPasswordStandIn"/>), prose allowed.</summary>
        public static bool IsCandidatePassword(string value, AnalyzerSettings settings) =>
            !PlaceholderDetector.IsPasswordStandIn(value, settings.PlaceholderPatterns);
    }
}
