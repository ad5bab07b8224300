using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// The <c>.editorconfig</c> options of the TokenGovernance analyzers:
    /// <c>tokengovernance.token_names</c> (comma-separated extra token names),
    /// <c>tokengovernance.placeholder_patterns</c> (extra placeholder regexes separated by <c>;</c>),
    /// <c>tokengovernance.config_file_patterns</c> (file-name globs separated by <c>;</c> that TG1003 reads).
    /// </summary>
    internal sealed class AnalyzerSettings
    {
        public const string TokenNamesKey = "tokengovernance.token_names";
        public const string PlaceholderPatternsKey = "tokengovernance.placeholder_patterns";
        public const string ConfigFilePatternsKey = "tokengovernance.config_file_patterns";

        public const string DefaultConfigFilePatterns =
            "appsettings*.json;app.config;web.config;*.dll.config;*.exe.config;.env;.env.*;*.env;*.conf;*.yaml;*.yml";

        private static readonly ConcurrentDictionary<(string, string, string), AnalyzerSettings> Cache =
            new ConcurrentDictionary<(string, string, string), AnalyzerSettings>();

        public static readonly AnalyzerSettings Default = Create(string.Empty, string.Empty, DefaultConfigFilePatterns);

        private AnalyzerSettings(ImmutableArray<string> tokenNames, ImmutableArray<Regex> placeholderPatterns, ImmutableArray<Regex> configFilePatterns, bool defaultConfigFiles)
        {
            TokenNames = tokenNames;
            PlaceholderPatterns = placeholderPatterns;
            ConfigFilePatterns = configFilePatterns;
            RecognisesConfigFilesByContent = defaultConfigFiles;
        }

        /// <summary>
        /// With the default patterns, an AdditionalFile that reads as configuration (an env file of <c>KEY=value</c>
        /// lines, a JSON document) is one whatever its name; a project that sets <c>config_file_patterns</c> names them all.
        /// </summary>
        public bool RecognisesConfigFilesByContent { get; }

        public ImmutableArray<string> TokenNames { get; }

        public ImmutableArray<Regex> PlaceholderPatterns { get; }

        public ImmutableArray<Regex> ConfigFilePatterns { get; }

        // One options object per syntax tree or file: remember its settings instead of hashing option strings per node.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, AnalyzerSettings> PerOptions =
            new System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, AnalyzerSettings>();

        public static AnalyzerSettings From(AnalyzerConfigOptions options) => PerOptions.GetValue(options, Read);

        private static AnalyzerSettings Read(AnalyzerConfigOptions options)
        {
            options.TryGetValue(TokenNamesKey, out var names);
            options.TryGetValue(PlaceholderPatternsKey, out var placeholders);
            if (!options.TryGetValue(ConfigFilePatternsKey, out var configFiles) || string.IsNullOrWhiteSpace(configFiles))
            {
                configFiles = DefaultConfigFilePatterns;
            }

            return Create(names ?? string.Empty, placeholders ?? string.Empty, configFiles!);
        }

        public bool IsConfigurationFile(string path)
        {
            var fileName = System.IO.Path.GetFileName(path);
            return ConfigFilePatterns.Any(pattern => pattern.IsMatch(fileName));
        }

        private static AnalyzerSettings Create(string names, string placeholders, string configFiles) =>
            Cache.GetOrAdd((names, placeholders, configFiles), key => new AnalyzerSettings(
                Split(key.Item1, ',').ToImmutableArray(),
                Split(key.Item2, ';').Select(TryCompile).Where(regex => regex is not null).Select(regex => regex!).ToImmutableArray(),
                Split(key.Item3, ';').Select(GlobToRegex).ToImmutableArray(),
                key.Item3 == DefaultConfigFilePatterns));

        private static IEnumerable<string> Split(string value, char separator) =>
            value.Split(separator).Select(part => part.Trim()).Where(part => part.Length > 0);

        // An invalid pattern in .editorconfig must not crash the analyzer (AD0001); it is ignored. A slow one runs
        // without backtracking where the runtime allows, else with a timeout that counts as "no match".
        private static Regex? TryCompile(string pattern) => TokenDetection.PlaceholderDetector.CompileUserPattern(pattern);

        private static Regex GlobToRegex(string glob) =>
            new Regex(
                "^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                TimeSpan.FromSeconds(1));
    }
}
