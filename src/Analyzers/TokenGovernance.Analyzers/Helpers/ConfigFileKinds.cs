using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>What an AdditionalFile is, by its content: binary (skipped), configuration (read for keys), or other text.</summary>
    internal static class ConfigFileKinds
    {
        /// <summary>Characters looked at to tell what a file is; the rest of a 50 MB file is not read for this.</summary>
        private const int SniffLength = 8192;

        private static readonly Regex EnvLine = new Regex(
            @"^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*=\S?", RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));

        /// <summary>
        /// Read for keys: named by the patterns, named by a compose file's <c>env_file:</c>, or (with the default patterns)
        /// configuration by its content.
        /// </summary>
        public static bool IsConfiguration(string path, SourceText text, AnalyzerSettings settings, System.Lazy<System.Collections.Immutable.ImmutableHashSet<string>> envFiles) =>
            settings.IsConfigurationFile(path)
            || (settings.RecognisesConfigFilesByContent && (IsNamedEnvFile(path, envFiles) || LooksLikeConfiguration(text)));

        private static bool IsNamedEnvFile(string path, System.Lazy<System.Collections.Immutable.ImmutableHashSet<string>> envFiles)
        {
            try
            {
                return envFiles.Value.Contains(System.IO.Path.GetFullPath(path));
            }
            catch (System.Exception exception) when (exception is System.ArgumentException or System.NotSupportedException or System.IO.PathTooLongException)
            {
                return false;
            }
        }

        /// <summary>Where a finding's value sits in the file (its 1-based line and column), for a diagnostic.</summary>
        public static Microsoft.CodeAnalysis.Location LocationOf(string path, SourceText text, ConfigTokenFinding finding)
        {
            var span = new TextSpan(text.Lines[finding.Line - 1].Start + finding.Column - 1, finding.Value.Length);
            return Microsoft.CodeAnalysis.Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        /// <summary>A NUL in the first characters: an image, an archive, a compiled file.</summary>
        public static bool IsBinary(SourceText text)
        {
            var length = System.Math.Min(text.Length, SniffLength);
            for (var index = 0; index < length; index++)
            {
                if (text[index] == '\0')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A JSON document (it starts with <c>{</c> or <c>[</c>), or an env file: its first lines that are neither blank nor
        /// comments are <c>KEY=value</c> pairs (<c>docker-env-vars</c>, <c>influx.env.local</c>, files a compose file's
        /// <c>env_file:</c> names).
        /// </summary>
        public static bool LooksLikeConfiguration(SourceText text)
        {
            var pairs = 0;
            var others = 0;
            foreach (var line in text.Lines)
            {
                if (line.Start > SniffLength)
                {
                    break;
                }

                var content = line.ToString().Trim();
                if (content.Length == 0 || content.StartsWith("#", System.StringComparison.Ordinal))
                {
                    continue;
                }

                if (pairs + others == 0 && (content.StartsWith("{", System.StringComparison.Ordinal) || content.StartsWith("[", System.StringComparison.Ordinal)))
                {
                    return true;
                }

                if (content.Length <= ConfigTokenScanner.LongLineLength && EnvLine.IsMatch(content))
                {
                    pairs++;
                }
                else
                {
                    others++;
                }
            }

            return pairs > 0 && others == 0;
        }

        /// <summary>Token shapes only (high confidence), line by line: what any other text file is read for.</summary>
        public static IEnumerable<ConfigTokenFinding> ShapesOnly(SourceText text, CancellationToken cancellationToken)
        {
            foreach (var line in text.Lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Span.Length < TokenShapeDetector.MinimumTokenLength)
                {
                    continue;
                }

                var content = line.ToString();
                foreach (var match in TokenShapeDetector.FindAll(content))
                {
                    yield return new ConfigTokenFinding(line.LineNumber + 1, match.Start + 1, match.ValueIn(content), ConfigTokenEvidence.Shape, null, match.Shape);
                }
            }
        }
    }
}
