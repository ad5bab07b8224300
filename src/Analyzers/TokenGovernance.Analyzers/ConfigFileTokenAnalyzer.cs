using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// TG1003: an InfluxDB token in a file that ships with the code (an AdditionalFile). Configuration files, by name
    /// (<c>tokengovernance.config_file_patterns</c>) or, with the default patterns, by content (lines of <c>KEY=value</c>:
    /// an env file whatever its name; a JSON document), are read for token shapes and token keys; any other text file
    /// for token shapes only; binary files not at all.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileTokenAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.TokenInConfigurationFile,
            title: "InfluxDB token in a configuration file",
            messageFormat: "'{0}' in {1} is an InfluxDB token ({2}); reference a secret instead of the value",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Configuration files are committed, packed and copied into images; a token in them leaks with every copy.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.TokenInConfigurationFile));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var envFiles = ComposeEnvFiles.Of(start.Options.AdditionalFiles);
                start.RegisterAdditionalFileAction(file => AnalyzeFile(file, envFiles));
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, System.Lazy<ImmutableHashSet<string>> envFiles)
        {
            var path = context.AdditionalFile.Path;
            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null || ConfigFileKinds.IsBinary(text))
            {
                return;
            }

            var scanner = new ConfigTokenScanner(settings.TokenNames, settings.PlaceholderPatterns);
            var fileName = Path.GetFileName(path);
            var findings = ConfigFileKinds.IsConfiguration(path, text, settings, envFiles)
                ? scanner.ScanLines(Lines(text, context.CancellationToken))
                : ConfigFileKinds.ShapesOnly(text, context.CancellationToken);
            foreach (var finding in findings)
            {
                var location = ConfigFileKinds.LocationOf(path, text, finding);
                var evidence = finding.Evidence == ConfigTokenEvidence.Shape
                    ? "it has the " + TokenShapeNames.Describe(finding.Shape!.Value) + " token shape"
                    : "value of '" + finding.Key + "'";
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, location, TokenRedaction.Mask(finding.Value), fileName + ":" + finding.Line + ":" + finding.Column, evidence));
            }
        }

        private static IEnumerable<string> Lines(SourceText text, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var line in text.Lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return line.ToString();
            }
        }
    }
}
